import { ReaderCited } from './ReaderCited';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { ReaderViewHeader } from './ReaderViewHeader';

/** The digest's briefing, section by section, every statement with its sources. */
export function ReaderBriefing({ ctx }: { ctx: ReaderContext }) {
  return (
    <div class="tw-reader-view">
      <ReaderViewHeader title={ctx.t('reader_briefing_title')} intro={ctx.t('reader_briefing_intro')} />
      {ctx.lookup.digest.briefing.map((section) => (
        <section
          key={section.id}
          class="tw-reader-part"
          aria-labelledby={`tw-reader-briefing-${section.id}`}
          data-briefing-id={section.id}
        >
          <h2 id={`tw-reader-briefing-${section.id}`} lang={DIGEST_LANG}>
            {section.title}
          </h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph.text}>
              <ReaderCited cited={paragraph} ctx={ctx} />
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}
