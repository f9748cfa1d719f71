import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page reads the session or the database: nothing is rendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Webhooks", template: "%s · Webhooks" },
  description: "Send call events to your CRM, BI and chat bots",
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
