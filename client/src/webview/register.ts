// One call from activate(): the commands, the serializers and the panels' lifetimes.
import * as vscode from 'vscode';
import { FailoverPreviewPanel, FailoverPreviewSerializer, type FailoverPreviewOptions, type GetModel } from './panel';
import { ProjectSummaryPanel, ProjectSummarySerializer, type GetSummary } from './summaryPanel';
import { FAILOVER_PREVIEW_VIEW_TYPE, PROJECT_SUMMARY_VIEW_TYPE } from './protocol';
import { Commands } from '../../../server/src/protocol';

export function registerFailoverPreview(
  context: vscode.ExtensionContext,
  getModel: GetModel,
  options: FailoverPreviewOptions = {},
): vscode.Disposable {
  return vscode.Disposable.from(
    // Arguments (a code lens may pass the document URI) are accepted and ignored: the panel shows the whole project.
    vscode.commands.registerCommand(Commands.showFailoverPreview, () => {
      FailoverPreviewPanel.createOrShow(context, getModel, options);
    }),
    vscode.window.registerWebviewPanelSerializer(
      FAILOVER_PREVIEW_VIEW_TYPE,
      new FailoverPreviewSerializer(context, getModel, options),
    ),
    { dispose: () => FailoverPreviewPanel.currentPanel?.dispose() },
  );
}

export function registerProjectSummary(context: vscode.ExtensionContext, getSummary: GetSummary): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showSummary, () => {
      ProjectSummaryPanel.createOrShow(context.extensionUri, getSummary);
    }),
    vscode.window.registerWebviewPanelSerializer(
      PROJECT_SUMMARY_VIEW_TYPE,
      new ProjectSummarySerializer(context.extensionUri, getSummary),
    ),
    { dispose: () => ProjectSummaryPanel.currentPanel?.dispose() },
  );
}
