import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { ErrorMessage, ErrorSummary, Loading, TextArea, useToast } from '@/components';
import { fieldId, useApiForm } from '@/forms/useApiForm';
import type { RuleCheckFieldsFragment } from '@/gql/graphql';
import { formatDate, formatDateTime } from '@/i18n/format';
import { OverrideRuleWarningDocument, ProposalRuleChecksDocument } from './api';
import { focusLater, useRefreshProposals } from './shared';

export type RuleCheck = RuleCheckFieldsFragment;

/** A failed block: nothing goes past it. */
export const isBlocking = (c: RuleCheck): boolean => !c.passed && c.severity === 'BLOCK';

/** A failed warning nobody has given a reason for yet. */
export const needsReason = (c: RuleCheck): boolean =>
  !c.passed && c.severity === 'WARNING' && !c.overrideReason;

/** The most a reason may be (the API's limit). */
export const REASON_MAX = 1000;

/** "Gælder fra … til …" of a rule row, or nothing when the API gives no dates. */
function useValidity(): (c: RuleCheck) => string {
  const { t } = useTranslation('proposals');
  return (c) =>
    c.validFrom && c.validTo
      ? t('rules.validBetween', { from: formatDate(c.validFrom), to: formatDate(c.validTo) })
      : c.validFrom
        ? t('rules.validFrom', { from: formatDate(c.validFrom) })
        : '';
}

/**
 * The rules' checks of a proposal: failed ones first, each in the style of its severity (a block
 * as an error, a warning as a warning) with the rule's message, its source and any reason given to
 * go past it; the passed ones folded away, ticked. `warningExtra` adds to a failed warning (the
 * reason field, or the button to give one).
 */
export function RuleCheckList({
  checks,
  label,
  warningExtra,
}: {
  checks: readonly RuleCheck[];
  /** The list's accessible name. */
  label: string;
  warningExtra?: (check: RuleCheck) => ReactNode;
}) {
  const { t } = useTranslation('proposals');
  const validity = useValidity();
  const failed = checks.filter((c) => !c.passed);
  // Blocks before warnings: they decide whether anything can happen at all.
  failed.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'BLOCK' ? -1 : 1));
  const passed = checks.filter((c) => c.passed);
  const source = (c: RuleCheck) => {
    const dates = validity(c);
    return `${t('rules.source', { source: c.source })}${dates ? ` · ${dates}` : ''}`;
  };
  return (
    <div className="rule-checks">
      {failed.length > 0 && (
        <ul className="nobullet-list rule-check-list" aria-label={label}>
          {failed.map((c) => (
            <li
              key={c.rule}
              className={`alert ${c.severity === 'BLOCK' ? 'alert-error' : 'alert-warning'} rule-check`}
            >
              <div className="alert-body">
                <p className="alert-heading">
                  {c.name}:{' '}
                  {c.severity === 'BLOCK'
                    ? t('rules.blocks')
                    : c.overrideReason
                      ? t('rules.warningPassed')
                      : t('rules.warning')}
                </p>
                <div className="alert-text">
                  <p className="mt-0">{c.message}</p>
                  <p className="form-hint">{source(c)}</p>
                  {c.overrideReason && (
                    <p className="rule-check-override">
                      {t('rules.overridden', { reason: c.overrideReason })}
                      {(c.overriddenBy || c.overriddenAt) && (
                        <span className="d-block form-hint">
                          {[
                            c.overriddenBy,
                            c.overriddenAt ? formatDateTime(c.overriddenAt) : undefined,
                          ]
                            .filter(Boolean)
                            .join(', ')}
                        </span>
                      )}
                    </p>
                  )}
                  {c.severity === 'WARNING' && warningExtra?.(c)}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <details className="details rule-checks-passed">
          <summary className="details-summary">
            <span className="details-summary-text">
              {t('rules.passedCount', { count: passed.length })}
            </span>
          </summary>
          <div className="details-text">
            <ul className="nobullet-list">
              {passed.map((c) => (
                <li key={c.rule} className="rule-check-passed">
                  <span aria-hidden="true" className="rule-check-tick">
                    ✓
                  </span>
                  <span>
                    <strong>{c.name}</strong>
                    <span className="sr-only">: {t('rules.passed')}</span>
                    <span className="d-block">{c.message}</span>
                    <span className="d-block form-hint">{source(c)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </div>
  );
}

/** One line that sums up the checks, for a live region: "1 blokerer, 1 advarsel, 5 overholdt". */
export function useChecksSummary(): (checks: readonly RuleCheck[]) => string {
  const { t } = useTranslation('proposals');
  return (checks) => {
    const blocks = checks.filter(isBlocking).length;
    const warnings = checks.filter((c) => !c.passed && c.severity === 'WARNING').length;
    const passed = checks.filter((c) => c.passed).length;
    return [
      blocks ? t('rules.summaryBlocks', { count: blocks }) : '',
      warnings ? t('rules.summaryWarnings', { count: warnings }) : '',
      t('rules.summaryPassed', { count: passed }),
    ]
      .filter(Boolean)
      .join(', ');
  };
}

/**
 * A proposal's checks as they stand now (`ruleChecks`), with any reasons already given; a failed
 * warning can be gone past with a reason (`overrideRuleWarning`) while the proposal is open.
 */
export function ProposalRuleChecks({
  proposalId,
  title,
  canOverride,
}: {
  proposalId: string;
  title: string;
  canOverride: boolean;
}) {
  const { t } = useTranslation('proposals');
  const summary = useChecksSummary();
  const checks = useQuery({
    queryKey: ['proposals', 'ruleChecks', proposalId],
    queryFn: () => request(ProposalRuleChecksDocument, { proposalId }),
  });
  if (checks.isPending) return <Loading label={t('rules.loading')} />;
  if (checks.isError)
    return <ErrorMessage error={checks.error} onRetry={() => void checks.refetch()} />;
  const list = checks.data.ruleChecks;
  if (list.length === 0) return <p>{t('rules.none')}</p>;
  return (
    <>
      <p className="rule-checks-summary">{summary(list)}</p>
      <RuleCheckList
        checks={list}
        label={t('rules.listLabel', { title })}
        warningExtra={(c) =>
          canOverride && needsReason(c) ? (
            <OverrideWarning proposalId={proposalId} check={c} />
          ) : null
        }
      />
    </>
  );
}

/** "Gå videre med en begrundelse": a reason for one warning, recorded with who and when. */
function OverrideWarning({ proposalId, check }: { proposalId: string; check: RuleCheck }) {
  const { t } = useTranslation('proposals');
  const { t: tc } = useTranslation();
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const refresh = useRefreshProposals();
  const schema = useMemo(
    () =>
      z.object({
        reason: z
          .string()
          .trim()
          .min(1, t('rules.reasonRequired'))
          .max(REASON_MAX, t('rules.reasonTooLong')),
      }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: { reason: '' },
    onSubmit: async (v) => {
      await request(OverrideRuleWarningDocument, {
        input: { proposalId, rule: check.rule, reason: v.reason },
      });
      await refresh();
      toast(t('rules.overrideSaved'));
    },
  });
  const name = check.name;
  if (!open)
    return (
      <button
        type="button"
        className="button button-secondary mt-4"
        aria-label={t('rules.overrideButtonLabel', { rule: name })}
        onClick={() => {
          setOpen(true);
          focusLater(() => document.getElementById(fieldId('reason')));
        }}
      >
        {t('rules.overrideButton')}
      </button>
    );
  return (
    <form onSubmit={form.submit} noValidate className="mt-4">
      <ErrorSummary {...form.summary} />
      <TextArea
        label={t('rules.reasonLabel')}
        hint={t('rules.reasonHint')}
        rows={3}
        {...form.field('reason')}
      />
      <div className="proposal-actions">
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {form.submitting ? tc('state.saving') : t('rules.overrideSubmit')}
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
