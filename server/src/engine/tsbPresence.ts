// Whether a file's facts or a project hold anything TSB (TSB objects, gateways to install, control
// planes): Kubernetes checks that only matter to TSB are reported there.
interface TsbHolder {
  tsb: readonly unknown[];
  installGateways: readonly unknown[];
  controlPlanes: readonly unknown[];
}

export function holdsTsbObjects(x: TsbHolder | undefined): boolean {
  return !!x && x.tsb.length + x.installGateways.length + x.controlPlanes.length > 0;
}
