import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { PageTitle, QueryState } from '@/components';
import { MyTeamDocument } from './queries';

/** `/mit-forloeb/team`: the professionals on the citizen's team, and what each of them does. */
export function TeamPage() {
  const { t } = useTranslation('citizen');
  const team = useQuery({ queryKey: ['citizen', 'team'], queryFn: () => request(MyTeamDocument) });
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('team.title')}</PageTitle>
        <p className="font-lead">{t('team.intro')}</p>
        <QueryState
          query={team}
          isEmpty={(d) => d.myProfile.team.length === 0}
          empty={t('team.empty')}
        >
          {(d) => (
            <ul className="nobullet-list">
              {d.myProfile.team.map((member) => (
                <li key={`${member.userId}-${member.role}`} className="card mb-5">
                  <div className="card-content">
                    <h2 className="h3 mt-0 mb-2">{member.displayName}</h2>
                    <p className="weight-semibold mt-0 mb-2">{t(`teamRole.${member.role}`)}</p>
                    <p className="mt-0 mb-3">{t(`teamRoleDoes.${member.role}`)}</p>
                    <p className="mb-0">
                      <a href={`mailto:${member.email}`}>
                        {t('team.write', { name: member.displayName })}
                      </a>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </div>
  );
}
