export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  color?: string;
  topicId?: string;
  /** Shown as a tooltip; where the description is on screen, pass its element id as describedBy instead. */
  description?: string;
  describedBy?: string;
}

/** A labelled on/off switch (role="switch"); the topic id and colour mark topic toggles. */
export function Switch({ label, checked, onChange, color, topicId, description, describedBy }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="tw-switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      data-topic-id={topicId}
      title={description}
      style={color ? { '--tw-switch-on': color } : undefined}
      onClick={() => onChange(!checked)}
    >
      <span class="tw-switch-track" aria-hidden="true">
        <span class="tw-switch-thumb" />
      </span>
      <span class="tw-switch-label">{label}</span>
    </button>
  );
}
