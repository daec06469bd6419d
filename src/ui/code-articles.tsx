/** The articles Discreet cites, per chosen code, so the coach can read them before a warning ever appears. */
import { ARTICLES, codeName, codesFor, citation, type CodeChoice } from '../codes';
import { getLanguage } from '../i18n';
import { t } from './messages';

export function CodeArticles(props: { choice: CodeChoice }) {
  const language = getLanguage();
  return (
    <details class="articles">
      <summary>{t('articlesSummary')}</summary>
      {codesFor(props.choice).map((code) => (
        <section key={code}>
          <h3>{codeName(code, language)}</h3>
          <dl>
            {ARTICLES.filter((a) => a.code === code).map((a) => (
              <div key={a.number}>
                <dt>{citation({ code, article: a.number }, language)}</dt>
                <dd>{a.full[language]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p class="hint">{t('articlesNote')}</p>
    </details>
  );
}
