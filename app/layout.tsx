import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page reads the session or the database: nothing is rendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Webhooks", template: "%s · Webhooks" },
  description: "Send call events to your CRM, BI and chat bots",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
