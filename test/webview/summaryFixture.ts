// A project summary for the summary view's browser test.
import type { ProjectSummary } from '../../server/src/protocol';

/** A summary as the server sends it once deployment units are inferred (hand-made: units come later). */
export function handMadeSummary(): ProjectSummary {
  const f = (p: string) => `file:///repo/${p}`;
  return {
    version: 3,
    folders: ['file:///repo'],
    files: 41,
    tsbFiles: 12,
    scanning: false,
    problems: { errors: 2, warnings: 1, infos: 0, files: 41, filesWithProblems: 2 },
    configs: [],
    placementsConfigured: true,
    clusters: [],
    unplaced: [],
    inferenceNotes: [],
    notes: [
      'No WorkspaceSetting yet: add one with defaultEastWestGatewaySettings to expose services through an east-west gateway.',
    ],
    units: [
      {
        name: 'abc-failover/active',
        files: [
          f('scenarios/abc-failover/k8s/active/01-namespaces.yaml'),
          f('scenarios/abc-failover/k8s/active/05-eastwest-gateway.yaml'),
        ],
        clusters: ['active'],
        managementPlane: false,
        namespace: 'ns-a',
        evidence: [
          { uri: f('scenarios/abc-failover/run.sh'), line: 64, text: 'kubectl --context active apply -f k8s/active/' },
        ],
        alternativeTo: ['hub-spoke/cluster1'],
      },
      {
        name: 'abc-failover/tsb',
        files: [f('scenarios/abc-failover/tsb/01-tenant.yaml')],
        clusters: [],
        managementPlane: true,
        namespace: null,
        evidence: [{ uri: f('scenarios/abc-failover/run.sh'), line: 43, text: 'tctl apply -f tsb/01-tenant.yaml' }],
        alternativeTo: [],
      },
      {
        name: 'hub-spoke/cluster1',
        files: [f('scenarios/hub-spoke/k8s/cluster1/01.yaml')],
        clusters: ['cluster1'],
        managementPlane: false,
        namespace: null,
        evidence: [
          {
            uri: f('scenarios/abc-failover/run.sh'),
            line: 90,
            text: 'kubectl --context cluster1 apply -f k8s/cluster1/',
          },
        ],
        alternativeTo: ['abc-failover/active'],
      },
    ],
    project: {
      organizations: ['tetrate'],
      tenants: ['abc'],
      workspaces: [
        {
          organization: 'tetrate',
          tenant: 'abc',
          name: 'abc-ws',
          namespaces: ['*/ns-a'],
          setting: null,
          uri: f('scenarios/abc-failover/tsb/02-workspace.yaml'),
        },
      ],
      namespaces: ['ns-a'],
      gateways: [],
    },
  };
}
