/** Each view's h1 carries this id: the page moves focus to it after navigating, so a screen reader announces the new view. */
export const READER_HEADING_ID = 'tw-reader-heading';

export interface ReaderViewHeaderProps {
  title: string;
  /** A short line above the title, e.g. the entry's kind. */
  kicker?: string;
  intro?: string;
  /** The title's language when it is digest text rather than UI text. */
  lang?: string;
}

export function ReaderViewHeader({ title, kicker, intro, lang }: ReaderViewHeaderProps) {
  return (
    <header class="tw-reader-view-head">
      {kicker ? <p class="tw-reader-kicker">{kicker}</p> : null}
      <h1 id={READER_HEADING_ID} tabIndex={-1} lang={lang}>
        {title}
      </h1>
      {intro ? <p class="tw-reader-intro">{intro}</p> : null}
    </header>
  );
}
