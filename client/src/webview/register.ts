// One call from activate(): the command, the serializer and the panel's lifetime.
//   context.subscriptions.push(registerFailoverPreview(context, () => client.sendRequest(FailoverModelRequest, {})));
import * as vscode from 'vscode';
import { FailoverPreviewPanel, FailoverPreviewSerializer, type FailoverPreviewOptions, type GetModel } from './panel';
import { FAILOVER_PREVIEW_VIEW_TYPE, SHOW_FAILOVER_PREVIEW_COMMAND } from './protocol';

export function registerFailoverPreview(context: vscode.ExtensionContext, getModel: GetModel, options: FailoverPreviewOptions = {}): vscode.Disposable {
  return vscode.Disposable.from(
    // Arguments (a code lens may pass the document URI) are accepted and ignored: the panel shows the whole project.
    vscode.commands.registerCommand(SHOW_FAILOVER_PREVIEW_COMMAND, () => {
      FailoverPreviewPanel.createOrShow(context, getModel, options);
    }),
    vscode.window.registerWebviewPanelSerializer(FAILOVER_PREVIEW_VIEW_TYPE, new FailoverPreviewSerializer(context, getModel, options)),
    { dispose: () => FailoverPreviewPanel.currentPanel?.dispose() },
  );
}
