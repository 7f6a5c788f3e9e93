-- sessions now store the SHA-256 (hex) of the cookie's token, not the token: hash the ones already issued so their holders stay signed in
UPDATE "session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex');
