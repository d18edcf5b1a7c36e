import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface LazyDetailsProps {
  summary: ComponentChildren;
  /** Builds the content; called only while the section is open. */
  children: () => ComponentChildren;
  class?: string;
  kind?: string;
}

/** A `<details>` whose content is built only once it is opened: a first paint needs just the summaries. */
export function LazyDetails({ summary, children, class: className, kind }: LazyDetailsProps) {
  const [open, setOpen] = useState(false);
  return (
    <details class={className} data-kind={kind} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
