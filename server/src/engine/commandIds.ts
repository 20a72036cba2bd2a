// Command ids, declared once: the server names them in code lenses and code actions, the client
// registers them and the webview app asks the host to run them. package.json `contributes.commands`
// lists exactly these (test/assets/packageJson.test.ts).
export const Commands = {
  showFailoverPreview: 'tsb.showFailoverPreview',
  restartServer: 'tsb.restartServer',
  writeConfig: 'tsb.writeConfig',
  showSummary: 'tsb.showSummary',
  showOutput: 'tsb.showOutput',
} as const;
