/** A self-signed certificate for 127.0.0.1, or null when openssl is missing. */
export declare function selfSignedCertificate(): { key: string; cert: string } | null;
