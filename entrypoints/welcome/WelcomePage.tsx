import { PageHeader } from '../../components/PageHeader';
import { PersonalMarkGlyph, usePersonalMark } from '../../components/PersonalMark';
import { PersonalMarkField } from '../../components/PersonalMarkField';
import { StateBadge } from '../../components/StateBadge';

export type WelcomePageProps = {
  optionsUrl: string;
  historyUrl: string;
};

/**
 * The page a new reader sees once, after installing (issue 11 item 3): what
 * a badge says and does not say, the reader's own mark and why it matters
 * ("no mark, not Verity"), and where Verity shows itself.
 */
export function WelcomePage({ optionsUrl, historyUrl }: WelcomePageProps) {
  const mark = usePersonalMark();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <PageHeader page="Welcome" width="max-w-3xl" />
      <main className="mx-auto max-w-3xl space-y-8 px-6 py-8">
        <section className="max-w-2xl">
          <h1 className="text-xl font-semibold text-slate-900">Verity shows where AI-generated content comes from</h1>
          <p className="mt-2 text-sm text-slate-700">
            When a page carries proof of where a text or an image came from (a model run in an attested enclave, an
            attestation on a blockchain, Content Credentials in an image), Verity checks it itself and puts a badge beside
            it. A badge is about origin, not truth: it says who made the content or vouches for it, never whether it is right.
          </p>
        </section>

        <section aria-labelledby="welcome-mark" className="rounded-xl border border-slate-200 bg-white px-4 py-4">
          <h2 id="welcome-mark" className="text-base font-semibold text-slate-900">
            No mark, not Verity
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-700">
            Any page can draw something that looks like a Verity badge. It cannot draw your mark: every badge and card Verity
            draws carries it, and pages cannot read it. Keep it to yourself; change it here or in Settings whenever you like.
          </p>
          <p className="mt-3 flex items-center gap-2 text-sm text-slate-700">
            A genuine badge:
            <StateBadge state="verified">{mark && <PersonalMarkGlyph mark={mark} className="leading-none" />}</StateBadge>
          </p>
          <PersonalMarkField bare />
        </section>

        <section aria-labelledby="welcome-where" className="max-w-2xl">
          <h2 id="welcome-where" className="text-base font-semibold text-slate-900">
            Where Verity shows itself
          </h2>
          <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>A badge at the end of a snippet, or on an image&rsquo;s corner: open it to see who vouches and what was checked.</li>
            <li>The Verity button in the toolbar: every proof on the page in one list, with its verdict.</li>
            <li>Select text, open the menu and choose &ldquo;Verify selection with Verity&rdquo; to check a quote you read.</li>
          </ul>
          <p className="mt-4 text-sm text-slate-700">
            In{' '}
            <a className="font-medium text-sky-700 underline underline-offset-2" href={optionsUrl}>
              Settings
            </a>{' '}
            you choose whose proofs to trust and how badges look;{' '}
            <a className="font-medium text-sky-700 underline underline-offset-2" href={historyUrl}>
              History
            </a>{' '}
            lists what you have checked.
          </p>
        </section>
      </main>
    </div>
  );
}
