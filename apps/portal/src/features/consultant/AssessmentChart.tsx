import { useId } from 'react';
import { formatDate } from '@/i18n/format';

export interface ChartSeries {
  key: string;
  label: string;
  points: { date: string; score: number }[];
}

/** Each series has its own colour, dash and marker shape: never colour alone. */
const STYLES = [
  { colour: '#004993', dash: undefined, marker: 'circle' },
  { colour: '#a4370b', dash: '8 4', marker: 'square' },
  { colour: '#1b6c2a', dash: '2 4', marker: 'triangle' },
] as const;

const WIDTH = 640;
const HEIGHT = 300;
const M = { top: 16, right: 56, bottom: 40, left: 56 };

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function Marker({ shape, x, y, colour }: { shape: string; x: number; y: number; colour: string }) {
  if (shape === 'square') return <rect x={x - 5} y={y - 5} width={10} height={10} fill={colour} />;
  if (shape === 'triangle')
    return <polygon points={`${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}`} fill={colour} />;
  return <circle cx={x} cy={y} r={5} fill={colour} />;
}

/**
 * A line chart of scores over time, drawn as inline SVG (no chart library). It is an image with a
 * title and description for screen readers; the same figures are in a table next to it, which is
 * the accessible alternative.
 */
export function AssessmentChart({
  title,
  description,
  series,
  scaleMax,
}: {
  title: string;
  description: string;
  series: ChartSeries[];
  scaleMax: number;
}) {
  const base = useId().replace(/:/g, '');
  const dates = series.flatMap((s) => s.points.map((p) => day(p.date)));
  const min = Math.min(...dates);
  const max = Math.max(...dates);
  const innerW = WIDTH - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const x = (iso: string) =>
    max === min ? M.left + innerW / 2 : M.left + ((day(iso) - min) / (max - min)) * innerW;
  const y = (score: number) => M.top + innerH - (score / scaleMax) * innerH;
  const yTicks = Array.from({ length: scaleMax }, (_, i) => i + 1).filter(
    (v) => scaleMax <= 5 || v % 2 === 0 || v === 1,
  );
  const xTicks = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const shownXTicks =
    xTicks.length <= 6
      ? xTicks
      : xTicks.filter((_, i) => i % Math.ceil(xTicks.length / 6) === 0 || i === xTicks.length - 1);

  return (
    <figure className="assessment-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${base}-title ${base}-desc`}
        className="assessment-chart-svg"
      >
        <title id={`${base}-title`}>{title}</title>
        <desc id={`${base}-desc`}>{description}</desc>
        {yTicks.map((v) => (
          <g key={v}>
            <line
              x1={M.left}
              x2={WIDTH - M.right}
              y1={y(v)}
              y2={y(v)}
              stroke="#d6d6d6"
              strokeWidth={1}
            />
            <text x={M.left - 8} y={y(v) + 4} textAnchor="end" fontSize={14} fill="#1a1a1a">
              {v}
            </text>
          </g>
        ))}
        <line
          x1={M.left}
          x2={WIDTH - M.right}
          y1={M.top + innerH}
          y2={M.top + innerH}
          stroke="#1a1a1a"
        />
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + innerH} stroke="#1a1a1a" />
        {shownXTicks.map((d) => (
          <text
            key={d}
            x={x(d)}
            y={HEIGHT - M.bottom + 20}
            textAnchor="middle"
            fontSize={14}
            fill="#1a1a1a"
          >
            {formatDate(d)}
          </text>
        ))}
        {series.map((s, i) => {
          const style = STYLES[i % STYLES.length];
          const points = [...s.points].sort((a, b) => a.date.localeCompare(b.date));
          return (
            <g key={s.key}>
              {points.length > 1 && (
                <polyline
                  points={points.map((p) => `${x(p.date)},${y(p.score)}`).join(' ')}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={3}
                  strokeDasharray={style.dash}
                />
              )}
              {points.map((p) => (
                <Marker
                  key={`${p.date}-${p.score}`}
                  shape={style.marker}
                  x={x(p.date)}
                  y={y(p.score)}
                  colour={style.colour}
                />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s, i) => {
            const style = STYLES[i % STYLES.length];
            return (
              <li key={s.key}>
                <svg width="40" height="14" viewBox="0 0 40 14" focusable="false">
                  <line
                    x1={2}
                    x2={38}
                    y1={7}
                    y2={7}
                    stroke={style.colour}
                    strokeWidth={3}
                    strokeDasharray={style.dash}
                  />
                  <Marker shape={style.marker} x={20} y={7} colour={style.colour} />
                </svg>{' '}
                {s.label}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
