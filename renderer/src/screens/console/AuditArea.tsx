/** The audit trail: every back-office change, newest first, searchable by who made it or what it was. */
import { Section } from '../../components/Section.js';
import { adminCall } from '../../console/admin-call.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { PagedList } from './PagedList.js';

export function AuditArea() {
  const { t } = useT();
  return (
    <Section title={t('admin.audit.title')} testId="audit">
      <p className="muted small">{t('admin.audit.hint')}</p>
      <PagedList
        testId="audit-list"
        load={(query) => adminCall('adminAudit', { query })}
        keyOf={(e) => e.id}
        columns={[
          { header: t('admin.audit.at'), cell: (e) => formatDateTime(e.at), rowHeader: true },
          { header: t('admin.audit.actor'), cell: (e) => <span translate="no">{e.actor}</span> },
          { header: t('admin.audit.action'), cell: (e) => <code translate="no">{e.action}</code> },
          {
            header: t('admin.audit.subject'),
            cell: (e) => (
              <>
                {t(`admin.audit.subjectKind.${e.subject}`)} <span translate="no">{e.subjectId}</span>
              </>
            ),
          },
          {
            header: t('admin.audit.changes'),
            // The API's field names, as a script would read them: the trail names what changed, not in words.
            cell: (e) => (
              <span className="small" translate="no">
                {Object.keys(e.changes).join(', ')}
              </span>
            ),
          },
        ]}
      />
    </Section>
  );
}
