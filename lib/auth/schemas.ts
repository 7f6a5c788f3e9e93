import { z } from "zod";

// RFC 5321 limits: 64 characters before the @, 254 in all.
const LOCAL_PART_MAX_CHARS = 64;
const ADDRESS_MAX_CHARS = 254;
// [127.0.0.1], [IPv6:…] or a bare dotted quad: mail to an address, not a domain
const IP_LITERAL_DOMAIN = /^\[.*\]$|^\d{1,3}(\.\d{1,3}){3}$/;

// The one rule for a sign-in address, used by the form's action and by Auth.js
// (the email provider's normalizeIdentifier), so POST /api/auth/signin/email
// accepts nothing the form refuses.
export const signInAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(ADDRESS_MAX_CHARS, `An email address has at most ${ADDRESS_MAX_CHARS} characters`)
  .pipe(
    z
      .email({ message: "Enter a valid email address, like you@example.com", abort: true })
      .refine((address) => address.slice(0, address.lastIndexOf("@")).length <= LOCAL_PART_MAX_CHARS, {
        message: `The part before the @ can have at most ${LOCAL_PART_MAX_CHARS} characters`,
      })
      .refine((address) => !IP_LITERAL_DOMAIN.test(address.slice(address.lastIndexOf("@") + 1)), {
        message: "Enter an address at a domain name, not an IP address",
      }),
  );

export const emailSignInSchema = z.object({ email: signInAddressSchema });
