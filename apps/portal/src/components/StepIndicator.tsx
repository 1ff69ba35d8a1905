/** Where the person is in a flow of steps (dkfds step indicator, read as a list). */
export function StepIndicator({
  steps,
  current,
  label,
}: {
  steps: string[];
  current: number;
  label: string;
}) {
  return (
    <nav aria-label={label}>
      <ol className="step-indicator">
        {steps.map((step, i) => (
          <li
            key={step}
            className={`step-indicator-item${i < current ? ' completed' : ''}${i === current ? ' current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="step">
              <span className="step-number">{i + 1}</span>
            </span>
            <span className="step-title">{step}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
