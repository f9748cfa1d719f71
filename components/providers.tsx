"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";
import { z } from "zod";

// The pages' Content-Security-Policy forbids eval; zod would otherwise probe for it (a caught
// `new Function`) and the browser would report each probe as a policy violation. The server
// keeps zod's compiled fast path.
if (typeof window !== "undefined") z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const t = useTranslations("journey");
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      {/* Sonner's own labels are English; a screen reader reads them on every page. */}
      <Toaster
        position="bottom-right"
        richColors
        closeButton
        containerAriaLabel={t("notifications")}
        toastOptions={{ closeButtonAriaLabel: t("closeNotification") }}
      />
    </QueryClientProvider>
  );
}
