import type { Range } from 'vscode-languageserver-types';
import type { RuleId, Severity } from './problems';
import type { Message } from './l10n/message';

export type { Range, Position } from 'vscode-languageserver-types';

/** A place in a YAML file; line/character are 0-based like LSP positions. */
export interface SourceRef {
  uri: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** Kubernetes labels, or a selector's equality pairs. */
export type Labels = Record<string, string>;

/** What a quick fix needs, carried on the diagnostic so code actions stay stateless. */
export type FixData =
  | { fix: 'rename-key'; to: string }
  | { fix: 'replace-value'; to: string; candidates?: string[] }
  /** Shift the block that starts on the diagnostic's line (`lines` lines long) by `spaces` (negative: outdent). */
  | { fix: 'indent'; under: string; spaces: number; lines: number }
  /** Insert `snippet` (already indented by `indent` spaces) after the diagnostic's start line. */
  | {
      fix: 'add-field';
      field: string;
      snippet: string;
      indent: number;
      parentIsEmpty?: boolean /** insert before the diagnostic's line instead of after */;
      before?: boolean;
      /** Values the project already uses for the field: one fix each, instead of an empty value. */
      values?: string[];
    }
  | { fix: 'replace-labels'; labels: Record<string, string> }
  /** Move the annotation `key` (the diagnostic's range) from metadata.annotations to spec.kubeSpec.service.annotations. */
  | { fix: 'move-annotation'; key: string }
  /** Edits computed by the rule, in any files of the project (another file's ControlPlane, say). */
  | { fix: 'edit'; title: Message; changes: { uri: string; edits: { range: Range; newText: string }[] }[] };

/** Another place that explains a problem, as a rule reports it. */
export interface RelatedInfo {
  uri: string;
  range: Range;
  message: Message;
}

/** A related place of a reported problem: its message in English, and as a message to translate. */
export interface ProblemRelated {
  uri: string;
  range: Range;
  message: string;
  messageL10n: Message;
}

/**
 * One problem, ranges 0-based as in LSP. `message` is the English text (what tests, contracts and the
 * default outputs show); `messageL10n` is the same message as an id and arguments, rendered in the user's
 * language where problems are shown (localize.ts).
 */
export interface Problem {
  rule: RuleId;
  severity: Severity;
  message: string;
  messageL10n: Message;
  range: Range;
  data?: FixData;
  related?: ProblemRelated[];
}

/** A problem whose range is still a pair of offsets in some text (before conversion to positions). */
export interface RawProblem {
  rule: RuleId;
  message: Message;
  start: number;
  end: number;
  data?: FixData;
  related?: RelatedInfo[];
  /** Reported only in a project that holds TSB files (Kubernetes checks that matter to TSB). */
  onlyWithTsb?: boolean;
  /** Related places in the same file, as offsets (the project turns them into `related`). */
  relatedAt?: { start: number; end: number; message: Message }[];
  /** Overrides the rule's default severity (e.g. a hint-level variant). */
  severity?: Severity;
  /** A field only some TSB versions have: the project words the problem for the chosen version. */
  versions?: { field: string; since?: string; until?: string; use?: string };
}
