import { Icon, type IconProps } from "@/components/ui/icons";

// The error check page's icons, drawn with the shared icon frame of components/ui/icons.

export const ResendIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M15.5 8A6 6 0 1 0 16 11.5" />
    <path d="M16 4v4h-4" />
  </Icon>
);

export const CheckCircleIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="6.5" />
    <path d="m7.3 10.2 1.9 1.9 3.6-3.9" />
  </Icon>
);

export const DownloadIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 3.5v9M6 9l4 4 4-4M4 16.5h12" />
  </Icon>
);

export const PanelIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3.5" y="4" width="13" height="12" rx="1.5" />
    <path d="M11.5 4v12" />
  </Icon>
);

export const TerminalIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="4" width="14" height="12" rx="1.5" />
    <path d="m6.5 8 2 2-2 2M10.5 12h3" />
  </Icon>
);
