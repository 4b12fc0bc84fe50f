/**
 * Inline SVG icons. zmp-ui's icon font is fetched from Zalo's CDN; where that fails (offline, a strict
 * network) its icons show as text like "zi_home", so nothing here depends on it.
 * Decorative by default (aria-hidden); pass `label` when the icon alone carries meaning.
 */
import type { ReactNode } from "react";

interface IconProps {
  size?: number;
  label?: string;
  className?: string;
}

function Svg({ size = 24, label, className, children }: IconProps & { children: ReactNode }) {
  const shape = {
    width: size,
    height: size,
    viewBox: "0 0 24 24",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 2,
    strokeLinecap: "round",
    strokeLinejoin: "round",
    className,
    focusable: "false",
  } as const;
  if (label) {
    return (
      <svg {...shape} role="img" aria-label={label}>
        <title>{label}</title>
        {children}
      </svg>
    );
  }
  return (
    <svg {...shape} aria-hidden="true">
      {children}
    </svg>
  );
}

export function ChevronLeftIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M15 18l-6-6 6-6" />
    </Svg>
  );
}

export function ChevronRightIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M9 18l6-6-6-6" />
    </Svg>
  );
}

export function SearchIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-3.5-3.5" />
    </Svg>
  );
}

export function MapPinIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21z" />
      <circle cx="12" cy="9.5" r="2.5" />
    </Svg>
  );
}

export function CheckIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </Svg>
  );
}

export function AlertIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </Svg>
  );
}
