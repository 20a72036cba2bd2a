// The deployment types live in ../deployment.ts (shared by the inference here, the resolved project and
// the features); this re-export keeps the modules outside the engine that import them here working.
export * from '../deployment';
