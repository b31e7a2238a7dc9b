/** Built-in policies on the lifecycle of port versions: a deprecation gives consumers a date and time to move. */
import type { BuiltinPolicy } from './builtin-policy.js';

const DEPRECATED = { status: 'deprecated', requiredNoticeDays: 30 };

export const LIFECYCLE_POLICIES: readonly BuiltinPolicy[] = [
  {
    name: 'deprecation-notice-period',
    description:
      'A deprecated port version announces its endOfLife, at least the mesh’s notice period after the deprecation is first published.',
    rationale:
      'Consumers of a deprecated version need a date to plan their migration, and enough time to do it before the version stops being served.',
    severity: 'blocking',
    scope: { target: 'port' },
    where: 'port.status == "deprecated"',
    check: 'port.endOfLife != "" && port.noticeDays >= double(port.requiredNoticeDays)',
    message:
      'port.endOfLife == "" ? "deprecated port " + port.name + " v" + string(port.major) + " has no endOfLife date, so its consumers cannot know when it stops being served" : "endOfLife " + port.endOfLife + " of deprecated port " + port.name + " v" + string(port.major) + " is " + string(int(port.noticeDays)) + " days after the deprecation (" + port.deprecatedSince + "); consumers must get at least " + string(port.requiredNoticeDays) + " days of notice"',
    field: '/slaProperties',
    fix: 'Add the SLA property `endOfLife` (`- property: endOfLife` with `value: YYYY-MM-DD`) at least the notice period (mesh.yaml `lifecycle.deprecationNoticeDays`, 30 days by default) after the day the deprecation is first published.',
    params: {},
    tests: [
      {
        name: 'an endOfLife after the notice period passes',
        port: { ...DEPRECATED, endOfLife: '2027-06-30', deprecatedSince: '2026-11-01', noticeDays: 241 },
        expect: 'pass',
      },
      {
        name: 'exactly the notice period passes',
        port: { ...DEPRECATED, endOfLife: '2026-12-01', deprecatedSince: '2026-11-01', noticeDays: 30 },
        expect: 'pass',
      },
      {
        name: 'an endOfLife too soon fails',
        port: { ...DEPRECATED, endOfLife: '2026-11-15', deprecatedSince: '2026-11-01', noticeDays: 14 },
        expect: 'fail',
      },
      {
        name: 'an endOfLife before the deprecation fails',
        port: { ...DEPRECATED, endOfLife: '2026-10-01', deprecatedSince: '2026-11-01', noticeDays: -31 },
        expect: 'fail',
      },
      {
        name: 'a deprecation without endOfLife fails',
        port: { ...DEPRECATED, deprecatedSince: '2026-11-01' },
        expect: 'fail',
      },
      {
        name: 'a longer notice period set in mesh.yaml applies',
        port: {
          ...DEPRECATED,
          endOfLife: '2027-01-31',
          deprecatedSince: '2026-11-01',
          noticeDays: 91,
          requiredNoticeDays: 180,
        },
        expect: 'fail',
      },
      { name: 'active ports are not concerned', port: { status: 'active' }, expect: 'skip' },
    ],
  },
];
