// Shape of data/tsb-api/api.json: the TSB API facts the schemas are checked against.

export type FieldType =
  | 'string'
  | 'bool'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'double'
  | 'enum'
  | 'message'
  | 'duration'
  | 'timestamp'
  | 'struct'
  | 'value'
  | 'any'
  /** Kubernetes IntOrString: an integer or a string in YAML. */
  | 'intOrString';

export interface FieldFact {
  type: FieldType;
  /** Message key (type `message`) or proto enum (type `enum`). */
  ref?: string;
  /** Enum value names (type `enum`). */
  values?: string[];
  list?: boolean;
  /** map<string, T>. */
  map?: boolean;
  /** google.protobuf wrapper (BoolValue...): a plain scalar in YAML. */
  wrapper?: boolean;
  /** Name of the proto oneof the field belongs to. */
  oneof?: string;
  /** proto3 `optional`. */
  optional?: boolean;
  required?: boolean;
  /** Present only in the pulumi source (a field newer than the terraform snapshot). */
  source?: 'pulumi';
  doc?: string;
}

export interface MessageFact {
  fields: Record<string, FieldFact>;
  source?: 'pulumi';
}

export interface ApiFacts {
  about: string;
  sources: Record<string, { repository: string; commit: string; date: string }>;
  /** Terraform resources and the proto message each one sends. */
  kinds: { resource: string; message: string }[];
  messages: Record<string, MessageFact>;
}
