import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_lib/session";
import { LoginForm } from "@/components/auth/login-form";
import { needsSetup } from "@/lib/auth/setup";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  return <LoginForm />;
}
