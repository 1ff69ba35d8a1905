import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { useAuth } from '@/auth/AuthProvider';
import {
  ErrorSummary,
  Modal,
  PageTitle,
  QueryState,
  Select,
  Tag,
  TextField,
  useToast,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { Role, StaffUsersQuery, UserFilterInput } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { InvitationsSection } from './InvitationsSection';
import {
  ChangeUserRoleDocument,
  DeactivateUserDocument,
  InviteStaffDocument,
  ReactivateUserDocument,
  StaffUsersDocument,
} from './queries';
import { Refusal } from './Refusal';

/** The job-centre roles an administrator may give (the API refuses any other). */
export const STAFF_ROLES = [
  'JOB_CONSULTANT',
  'CASEWORKER',
  'SOCIAL_SUPPORT_WORKER',
  'ADMINISTRATOR',
] as const satisfies readonly Role[];

type StaffUser = StaffUsersQuery['users']['edges'][number]['node'];

const PAGE = 20;

function useRoleOptions() {
  const { t } = useTranslation();
  return STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** `/admin/brugere`: the job centre's staff, inviting new colleagues, and pending invitations. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const [filter, setFilter] = useState<UserFilterInput>({});
  const users = useInfiniteQuery({
    queryKey: ['admin', 'users', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      request(StaffUsersDocument, { filter, first: PAGE, after: pageParam }),
    getNextPageParam: (last) =>
      last.users.pageInfo.hasNextPage ? last.users.pageInfo.endCursor : undefined,
  });

  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <p className="font-lead">{t('users.intro')}</p>
      <InviteForm />
      <section aria-labelledby="users-heading" className="mt-8">
        <h2 id="users-heading">{t('users.title')}</h2>
        <Filters onApply={setFilter} />
        <UsersTable query={users} />
      </section>
      <InvitationsSection />
    </>
  );
}

function Filters({ onApply }: { onApply: (filter: UserFilterInput) => void }) {
  const { t } = useTranslation('admin');
  const roleOptions = useRoleOptions();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  return (
    <form
      role="search"
      aria-label={t('users.filters')}
      className="d-flex flex-wrap align-items-end mb-5"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({
          ...(search.trim() ? { search: search.trim() } : {}),
          ...(role ? { role: role as Role } : {}),
          ...(status ? { active: status === 'active' } : {}),
        });
      }}
    >
      <div className="mr-5">
        <TextField
          label={t('users.search')}
          type="search"
          value={search}
          maxLength={100}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="mr-5">
        <Select
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          options={roleOptions}
          value={role}
          onChange={(e) => setRole(e.target.value)}
        />
      </div>
      <div className="mr-5">
        <Select
          label={t('users.status')}
          options={[
            { value: '', label: t('users.statusAll') },
            { value: 'active', label: t('users.statusActive') },
            { value: 'inactive', label: t('users.statusInactive') },
          ]}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
      </div>
      <div className="form-group">
        <button type="submit" className="button button-secondary">
          {t('users.filter')}
        </button>
      </div>
    </form>
  );
}

function UsersTable({ query }: { query: UseInfiniteQueryResult<{ pages: StaffUsersQuery[] }> }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { user: me } = useAuth();
  return (
    <QueryState
      query={query}
      isEmpty={(d) => d.pages[0].users.totalCount === 0}
      empty={t('users.empty')}
    >
      {(d) => {
        const rows = d.pages.flatMap((p) => p.users.edges.map((e) => e.node));
        return (
          <>
            <p>{t('users.count', { count: d.pages[0].users.totalCount })}</p>
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('users.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.name')}</th>
                    <th scope="col">{t('users.email')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.status')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        {u.displayName} {u.id === me?.id && t('users.you')}
                      </th>
                      <td>{u.email}</td>
                      <td>{tc(`roles.${u.role}`)}</td>
                      <td>
                        {u.disabledAt ? (
                          <Tag kind="warning">
                            {t('users.inactive', { date: formatDate(u.disabledAt) })}
                          </Tag>
                        ) : (
                          <Tag kind="success">{t('users.active')}</Tag>
                        )}
                      </td>
                      <td>
                        <UserActions user={u} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {query.hasNextPage && (
              <button
                type="button"
                className="button button-secondary mt-5"
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {t('users.more')}
              </button>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function UserActions({ user }: { user: StaffUser }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const [dialog, setDialog] = useState<'role' | 'deactivate' | null>(null);
  const [role, setRole] = useState<Role>(user.role);
  const name = user.displayName;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });

  const changeRole = useMutation({
    mutationFn: () => request(ChangeUserRoleDocument, { id: user.id, role }),
    onSuccess: async (data) => {
      setDialog(null);
      toast(t('users.roleChanged', { name, role: tc(`roles.${data.changeUserRole.role}`) }));
      await refresh();
    },
  });
  const deactivate = useMutation({
    mutationFn: () => request(DeactivateUserDocument, { id: user.id }),
    onSuccess: async () => {
      setDialog(null);
      toast(t('users.deactivated', { name }));
      await refresh();
    },
  });
  const reactivate = useMutation({
    mutationFn: () => request(ReactivateUserDocument, { id: user.id }),
    onSuccess: async () => {
      toast(t('users.reactivated', { name }));
      await refresh();
    },
  });

  return (
    <div className="d-flex flex-wrap">
      <button
        type="button"
        className="button button-tertiary mr-3"
        onClick={() => {
          setRole(user.role);
          changeRole.reset();
          setDialog('role');
        }}
      >
        {t('users.changeRole')}
        <span className="sr-only"> – {name}</span>
      </button>
      {user.disabledAt ? (
        <button
          type="button"
          className="button button-tertiary"
          disabled={reactivate.isPending}
          onClick={() => reactivate.mutate()}
        >
          {t('users.reactivate')}
          <span className="sr-only"> – {name}</span>
        </button>
      ) : (
        <button
          type="button"
          className="button button-tertiary"
          onClick={() => {
            deactivate.reset();
            setDialog('deactivate');
          }}
        >
          {t('users.deactivate')}
          <span className="sr-only"> – {name}</span>
        </button>
      )}
      {reactivate.isError && <Refusal error={reactivate.error} />}

      <Modal
        open={dialog === 'role'}
        title={t('users.changeRoleFor', { name })}
        onClose={() => setDialog(null)}
        footer={
          <>
            <button
              type="submit"
              form={`role-form-${user.id}`}
              className="button button-primary"
              disabled={changeRole.isPending}
            >
              {t('users.changeRole')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDialog(null)}
            >
              {tc('actions.cancel')}
            </button>
          </>
        }
      >
        {changeRole.isError && <Refusal error={changeRole.error} />}
        <form
          id={`role-form-${user.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            changeRole.mutate();
          }}
        >
          <Select
            label={t('users.newRole')}
            options={roleOptions}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          />
        </form>
      </Modal>

      <Modal
        open={dialog === 'deactivate'}
        title={t('users.deactivateTitle', { name })}
        onClose={() => setDialog(null)}
        footer={
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={deactivate.isPending}
              onClick={() => deactivate.mutate()}
            >
              {t('users.deactivateYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDialog(null)}
            >
              {tc('actions.cancel')}
            </button>
          </>
        }
      >
        {deactivate.isError && <Refusal error={deactivate.error} />}
        <p>{t('users.deactivateText', { name })}</p>
      </Modal>
    </div>
  );
}

function InviteForm() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const schema = useMemo(
    () =>
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, t('invite.nameRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        email: z
          .string()
          .trim()
          .max(254, tc('form.tooLong', { max: 254 }))
          .pipe(z.email(tc('form.invalidEmail'))),
        role: z.enum(STAFF_ROLES, { error: t('invite.roleRequired') }),
        language: z.enum(['da', 'en']),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: { displayName: '', email: '', role: 'JOB_CONSULTANT', language: 'da' },
    onSubmit: async (input) => {
      const { inviteStaff } = await request(InviteStaffDocument, { input });
      toast(t('invite.sent', { email: inviteStaff.email }));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['admin', 'invitations'] });
    },
  });
  return (
    <section aria-labelledby="invite-heading" className="mt-7">
      <h2 id="invite-heading">{t('invite.heading')}</h2>
      <p>{t('invite.intro')}</p>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField
          label={t('invite.displayName')}
          autoComplete="off"
          {...form.field('displayName')}
        />
        <TextField
          label={t('invite.email')}
          type="email"
          autoComplete="off"
          {...form.field('email')}
        />
        <Select label={t('invite.role')} options={roleOptions} {...form.field('role')} />
        <Select
          label={t('invite.language')}
          options={[
            { value: 'da', label: t('invite.languageDa') },
            { value: 'en', label: t('invite.languageEn') },
          ]}
          {...form.field('language')}
        />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {t('invite.submit')}
        </button>
      </form>
    </section>
  );
}
