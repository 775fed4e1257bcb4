/**
 * The demo knowledge base: product documents for each demo product, known issues with error signatures, guides and
 * maintenance cases (./knowledge-guides.ts) and articles in Chinese (./knowledge-zh.ts). The
 * cobalt 4.2.1 article is written against the failing installer's own output (DEMO_INSTALL_FAILURE), so an install
 * failure in the demo finds it first.
 */
import type { KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { DEMO_INSTALL_FAILURE } from './catalog.js';
import { DEMO_GUIDES } from './knowledge-guides.js';
import { DEMO_ARTICLES_ZH } from './knowledge-zh.js';

const paragraphs = (...text: string[]): string => text.join('\n\n');

const PRODUCT_DOCUMENTS: readonly KnowledgeArticle[] = [
  {
    id: 'atlas-upgrade-1x-to-2x',
    kind: 'document',
    locale: 'en',
    product: 'atlas',
    versions: '>=1.0.0 <3.0.0',
    title: 'Upgrading Atlas 1.x to Atlas 2',
    body: paragraphs(
      'Atlas 2 changes the database schema, so the upgrade can only start from a recent 1.x release: Atlas 2.0.0 requires 1.8.0 or later, and Atlas 2.3.1 requires 1.9.0 or any 2.x release.',
      'From an older 1.x release, upgrade in two steps. For example, from 1.4.2: update to 1.9.0 (an update, covered by every maintenance contract), then upgrade to 2.3.1 (an upgrade, which needs Upgrade Support). The Update Manager plans and shows these steps for you.',
      'Before upgrading: back up the Atlas database, stop scheduled reports, and allow up to 30 minutes for the migration on sites with more than 50,000 assets.',
      'The legacy SOAP endpoint is removed in Atlas 2. Move integrations to the REST API before you upgrade.',
    ),
    signatures: [],
    updatedAt: '2026-03-02T10:00:00Z',
  },
  {
    id: 'atlas-3-release-candidate',
    kind: 'document',
    locale: 'en',
    product: 'atlas',
    versions: '>=3.0.0-0',
    title: 'Atlas 3.0 release candidate: what to test before general availability',
    body: paragraphs(
      'Atlas 3.0.0-rc.1 is a preview for test systems. It is not generally available and is not offered as an upgrade under a Support contract.',
      'The new storage engine converts measurement history on first start. Measure how long this takes on a copy of your production database and tell TAC if it is longer than your maintenance window.',
      'Atlas 3 requires Atlas 2.3.0 or later.',
    ),
    signatures: [],
    updatedAt: '2026-10-20T10:00:00Z',
  },
  {
    id: 'beacon-1x-end-of-maintenance',
    kind: 'document',
    locale: 'en',
    product: 'beacon',
    versions: '^1',
    title: 'Beacon 1.x: end of maintenance and end of service',
    body: paragraphs(
      'Beacon 1.x reached its end of maintenance on 2025-09-30: it receives no new updates. 1.6.3 is its last maintenance release. Service (TAC support for 1.x) ends on 2026-12-31.',
      'Plan the upgrade to Beacon 2. It requires Beacon 1.6.0 or later, so systems on 1.5.x update to 1.6.3 first. Alarm history is migrated on the first start of Beacon 2.',
    ),
    signatures: [],
    updatedAt: '2025-10-01T08:00:00Z',
  },
  {
    id: 'beacon-2-administration',
    kind: 'document',
    locale: 'en',
    product: 'beacon',
    versions: '^2',
    title: 'Beacon 2 administration: correlation rules and high availability pairs',
    body: paragraphs(
      'Correlation rules group alarms from related sources into one incident. Test a rule with the simulator before enabling it; a rule that never fires often refers to a source name that has changed.',
      'A high availability pair runs two Beacon servers with a shared alarm store. Update the standby server first, fail over, then update the other one.',
    ),
    signatures: [],
    updatedAt: '2026-07-07T10:00:00Z',
  },
  {
    id: 'cobalt-4-install-and-update',
    kind: 'document',
    locale: 'en',
    product: 'cobalt',
    versions: '^4',
    title: 'Installing and updating the Cobalt 4 collector',
    body: paragraphs(
      'Cobalt 4 runs as the cobalt-agent service. Measurements collected while Atlas is unreachable are buffered on disk (2 GB by default, setting buffer.maxBytes).',
      'To update: stop the service (Linux: systemctl stop cobalt-agent; Windows: sc stop cobalt-agent; macOS: launchctl bootout system/com.hicare.cobalt-agent), run the installer, then start the service again. Buffered measurements are kept.',
    ),
    signatures: [],
    updatedAt: '2026-04-20T10:00:00Z',
  },
  {
    id: 'cobalt-4-2-1-agent-still-running',
    kind: 'known-issue',
    locale: 'en',
    product: 'cobalt',
    versions: DEMO_INSTALL_FAILURE.version,
    title: 'Cobalt 4.2.1 installer stops with ERROR 1603: service cobalt-agent is still running',
    body: paragraphs(
      `Symptom: the Cobalt 4.2.1 installer exits with code ${DEMO_INSTALL_FAILURE.exitCode} and logs "${DEMO_INSTALL_FAILURE.cause}". Nothing is installed; the previous version keeps working.`,
      'Cause: the 4.2.1 installer checks that cobalt-agent is stopped before replacing its files. After an unclean shutdown, the agent of 4.2.0 leaves its pid file behind, and the check reports the service as running even when it is not.',
      'Workaround: 1. Stop the service (Linux: systemctl stop cobalt-agent; Windows: sc stop cobalt-agent; macOS: launchctl bootout system/com.hicare.cobalt-agent). 2. If the installer still reports the service as running, delete the stale pid file: /var/run/cobalt-agent.pid on Linux and macOS, C:\\ProgramData\\Cobalt\\agent.pid on Windows. 3. Run the installation again.',
      'Fix: the pre-install check will verify the process itself in the next maintenance release. If the workaround does not help, open a remote-guidance request from the failed installation; the log and your operation records are attached for the engineer.',
    ),
    signatures: [{ exitCodes: [DEMO_INSTALL_FAILURE.exitCode], logContains: DEMO_INSTALL_FAILURE.signature }],
    updatedAt: '2026-10-09T15:30:00Z',
  },
  {
    id: 'cobalt-4-precheck-exit-3',
    kind: 'known-issue',
    locale: 'en',
    product: 'cobalt',
    versions: '^4',
    title: 'Cobalt installer exits with code 3: a pre-install check failed',
    body: paragraphs(
      'Exit code 3 means one of the installer’s pre-install checks failed before any file was changed. The line before "Installation aborted" in the log names the check.',
      'Common causes: the cobalt-agent service is running, the target disk has less than 500 MB free, or the account running the installer cannot write to the installation directory.',
    ),
    signatures: [{ exitCodes: [3] }],
    updatedAt: '2025-03-11T09:00:00Z',
  },
  {
    id: 'beacon-2-disk-space',
    kind: 'known-issue',
    locale: 'en',
    product: 'beacon',
    versions: '^2',
    title: 'Beacon 2 upgrade stops: insufficient disk space for the alarm history migration',
    body: paragraphs(
      'The upgrade from 1.x copies the alarm history before converting it and needs free space of about twice its size.',
      'Workaround: archive alarms older than the retention period (Administration → Alarm history → Archive), or move the data directory to a larger disk, then run the installer again.',
    ),
    signatures: [{ exitCodes: [28], logContains: 'insufficient disk space' }],
    updatedAt: '2025-01-20T09:00:00Z',
  },
  {
    id: 'installer-permission-denied',
    kind: 'known-issue',
    locale: 'en',
    product: null,
    versions: null,
    title: 'An installer fails with "Permission denied"',
    body: paragraphs(
      'The account that runs the installation cannot write to the target directory, or the install script lost its execute permission when the package was copied through a file share.',
      'Workaround: give the installing account write access to the target directory, or restore the script’s execute permission (chmod +x install.sh) and run the installation again.',
    ),
    signatures: [{ exitCodes: [], logContains: 'Permission denied' }],
    updatedAt: '2025-05-05T09:00:00Z',
  },
  {
    id: 'remote-guidance-after-failed-install',
    kind: 'document',
    locale: 'en',
    product: null,
    versions: null,
    title: 'Getting remote guidance after a failed installation',
    body: paragraphs(
      'When an installation fails, the Update Manager first shows known issues that match the failure. If none helps, open a remote-guidance request: it is filled with the product, the versions, the package hash, the installer exit code and log, system information and recent operation records. You see everything, with secrets redacted, before it is sent.',
      'TAC responds within 30 minutes for P1, 60 minutes for P2, 2 hours for P3 and by the end of the next business day for P4, counted from the moment the request is accepted.',
    ),
    signatures: [],
    updatedAt: '2026-01-15T09:00:00Z',
  },
];

/** Every demo article: the product documents and known issues above, the guides and cases, the Chinese ones. */
export const DEMO_ARTICLES: readonly KnowledgeArticle[] = [...PRODUCT_DOCUMENTS, ...DEMO_GUIDES, ...DEMO_ARTICLES_ZH];
