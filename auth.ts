export { auth, handlers, signIn, signOut } from "@/lib/auth/config";
