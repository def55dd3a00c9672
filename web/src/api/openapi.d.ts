// Generated from web/src/api/openapi.json by openapi-typescript: do not edit. Regenerate with `npm run api:types`.

export interface paths {
    "/api/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API name and version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description API information */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiInfo"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pong"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (bearer METRICS_TOKEN) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Metrics in the Prometheus text format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of the Worker, D1, KV and, for a signed-in caller, the tenant's connector and apps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The platform answers; status is degraded when one of the signed-in tenant's apps or its connector is failing */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A platform part is failing */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of one part: worker, d1, kv, or one of the tenant's apps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    service: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The part answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PartHealth"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The part is failing */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PartHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and its tenant */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description `cookie`: the refresh token is set as the autoarr_refresh cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth) instead of returned in the body, and refresh and logout read it from there */
                    "x-autoarr-session"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterRequest"];
                };
            };
            responses: {
                /** @description Signed up and signed in */
                201: {
                    headers: {
                        /** @description In cookie mode only: the autoarr_refresh cookie with the new refresh token */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description `cookie`: the refresh token is set as the autoarr_refresh cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth) instead of returned in the body, and refresh and logout read it from there */
                    "x-autoarr-session"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        /** @description In cookie mode only: the autoarr_refresh cookie with the new refresh token */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair (the old one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description `cookie`: the refresh token is set as the autoarr_refresh cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth) instead of returned in the body, and refresh and logout read it from there */
                    "x-autoarr-session"?: string;
                };
                path?: never;
                cookie?: {
                    /** @description The refresh token in cookie mode (read only with `X-AutoArr-Session: cookie` and from AutoArr's own origin) */
                    autoarr_refresh?: string;
                };
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshRequest"];
                };
            };
            responses: {
                /** @description New tokens */
                200: {
                    headers: {
                        /** @description In cookie mode only: the autoarr_refresh cookie with the new refresh token */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the refresh token, every token rotated from it, their access tokens and live sockets */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description `cookie`: the refresh token is set as the autoarr_refresh cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth) instead of returned in the body, and refresh and logout read it from there */
                    "x-autoarr-session"?: string;
                };
                path?: never;
                cookie?: {
                    /** @description The refresh token in cookie mode (read only with `X-AutoArr-Session: cookie` and from AutoArr's own origin) */
                    autoarr_refresh?: string;
                };
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshRequest"];
                };
            };
            responses: {
                /** @description Signed out (in cookie mode the autoarr_refresh cookie is cleared) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The session cookie sent from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's connectors with last-seen time and reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Connectors */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConnectorList"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a connector; the answer carries its pairing code, shown only this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateConnectorRequest"];
                };
            };
            responses: {
                /** @description Registered */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedConnector"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connector */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The connector */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connector"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Forget a connector (its pairing secret stops working) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live events of the tenant over a WebSocket; offer subprotocols `autoarr` and the access token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Switching protocols; the server answers with subprotocol `autoarr` */
                101: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mcp/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tools the tenant's connector offers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tools */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ToolList"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mcp/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call one connector tool: reads, and job actions on an allow-list (settings change through the audit's apply); arguments are checked against the tool's schema */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CallToolRequest"];
                };
            };
            responses: {
                /** @description The tool's result */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CallToolResult"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything downloading now, from SABnzbd, Sonarr and Radarr (cached 30 s) */
        get: {
            parameters: {
                query?: {
                    /** @description Ask the apps now instead of serving the 30 s cache */
                    refresh?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The queue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Queue"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent finished and failed downloads (cached 30 s) */
        get: {
            parameters: {
                query?: {
                    /** @description Ask the apps now instead of serving the 30 s cache */
                    refresh?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DownloadHistory"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/recoveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What AutoArr did (or would do) about failed and stalled downloads, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recovery actions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryActions"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/recoveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recovery action with the steps AutoArr took */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The recovery action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryDetail"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/recoveries/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a recovery that waits for you; it runs now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What happened */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryDecision"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/recoveries/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a recovery that waits for you */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What happened */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryDecision"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recovery/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the downloads and move content requests along now (owners only); a check already running is joined, never run twice */
        post: operations["runCheckNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activity, newest first (kind: detection, recovery, change, action, request, circuit); pass nextCursor as cursor for the next page */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    app?: string;
                    kind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of activity */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityPage"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/recovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How AutoArr handles failed downloads for this tenant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recovery settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoverySettings"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change recovery settings (the webhook must be a public https URL) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecoverySettings"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoverySettings"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Series in Sonarr */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Series */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Shows"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movies in Radarr */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Movies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Movies"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/libraries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plex libraries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Libraries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Libraries"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Audit the apps' configuration against the best-practice rules (and Claude, when configured) */
        post: operations["runConfigAudit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/audits/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest audit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The audit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Audit"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/audits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The audit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Audit"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a recommendation (dryRun: show what would be written); 409 if the setting changed since the audit */
        post: operations["applyRecommendation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configuration changes made through AutoArr, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConfigHistory"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/history/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a change's before-value; 409 if the setting was changed again since */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rollback change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConfigChangeResult"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An upstream service is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/recommendations/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a recommendation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The recommendation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Recommendation"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What AutoArr understands from a request's text; acts on nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestQuery"];
                };
            };
            responses: {
                /** @description The parse */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParsedRequest"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's requests, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "needs_choice" | "added" | "searching" | "downloading" | "imported" | "available" | "failed";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentRequestList"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Request a movie or series in plain words; answers with the state the request reached */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestQuery"];
                };
            };
            responses: {
                /** @description The request */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentRequest"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request; reading it checks progress when the last check is over 30 seconds old */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentRequest"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/choose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pick one of the candidates of a request waiting in needs_choice; it is then added and searched */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestChoice"];
                };
            };
            responses: {
                /** @description The request after the choice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentRequest"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The household's channels and your own web push devices; secrets only as their last four characters */
        get: operations["listNotificationChannels"];
        put?: never;
        /** Add a channel (owners only); a signed webhook left without a secret gets one, shown once */
        post: operations["addNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a channel or one of your web push devices, with its delivery log */
        delete: operations["deleteNotificationChannel"];
        options?: never;
        head?: never;
        /** Rename, route, mute or turn back on a channel, or change its config (a secret left out keeps its value) */
        patch: operations["updateNotificationChannel"];
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message now (one attempt) and answer with what the service said */
        post: operations["testNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel's delivery log, newest first (the last 50) */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quiet hours */
        get: operations["getNotificationSettings"];
        /** Change quiet hours (owners only): what arrives during them is sent as one digest when they end */
        put: operations["putNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID public key a browser subscribes with (null when this deployment has no web push key) */
        get: operations["getPushKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register this browser's push subscription as one of your devices (subscribing again replaces it) */
        post: operations["addPushSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each app's own web address, for links to an item's page in the app (cached 1 h) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The apps' web addresses; empty when the connector cannot be reached */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppLinks"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stack at a glance: today, what needs you, and per calendar day (in tz) failures detected and fixed, requests and downloads completed */
        get: {
            parameters: {
                query?: {
                    days?: number;
                    /** @description IANA time zone the days are calendar days in, e.g. Europe/Berlin */
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Overview"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SABnzbd's queue speed and size over the last hours, as the periodic check sampled it */
        get: {
            parameters: {
                query?: {
                    hours?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queue samples */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QueueTimeline"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The config audit's findings by priority over the latest audits, oldest first */
        get: {
            parameters: {
                query?: {
                    audits?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Findings per audit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FindingsTrend"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hunting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gentle hunting: each app's settings, when it hunts next, and the recent hunts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hunting settings and recent runs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HuntingOverview"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hunting/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What hunting searched (or, in dry run, would have), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The app whose wanted lists are hunted */
                    app?: "sonarr" | "radarr";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Searched items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HuntLog"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hunting/{app}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an app's hunting settings; the fields left out stay as they are */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app whose wanted lists are hunted */
                    app: "sonarr" | "radarr";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HuntingSettingsPatch"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HuntingAppState"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hunting/{app}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause this app's hunting (its settings stay) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app whose wanted lists are hunted */
                    app: "sonarr" | "radarr";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The app's hunting now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HuntingAppState"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hunting/{app}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume this app's hunting */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app whose wanted lists are hunted */
                    app: "sonarr" | "radarr";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The app's hunting now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HuntingAppState"];
                    };
                };
                /** @description The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/diagnose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Why an episode or movie did not arrive: the chain from Plex back to the search, the first broken link and its fixes
         * @description Reads everything the stack knows about the item in one round trip. releaseSearch:true also asks every indexer what it offers now (limited to 10 an hour per tenant).
         */
        post: operations["diagnose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/diagnose/fixes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply one fix a diagnosis offered (or, with dryRun, say what it would do)
         * @description Reads the item again first and answers 409 when the fix no longer applies. Every applied fix is in the activity log (kind diagnosis_fix).
         */
        post: operations["applyDiagnosisFix"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiInfo: {
            /** @enum {string} */
            name: "AutoArr API";
            version: string;
            openapi: string;
            docs: string;
        };
        Pong: {
            /** @enum {boolean} */
            pong: true;
            time: string;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "invalid_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal" | "upstream_error" | "upstream_unavailable";
                message: string;
                details?: unknown;
                traceId?: string;
            };
        };
        Health: {
            /**
             * @description degraded when a platform check fails or, for a signed-in caller, the connector or one of the tenant's apps is failing (circuit not closed, or its latest call failed)
             * @enum {string}
             */
            status: "ok" | "degraded";
            version: string;
            checks: components["schemas"]["PlatformChecks"];
            /** @description Circuit state of each app of the signed-in tenant (empty when not signed in or no connector is paired) */
            services: {
                [key: string]: components["schemas"]["ServiceHealth"];
            };
        };
        PlatformChecks: {
            worker: components["schemas"]["Probe"];
            d1: components["schemas"]["Probe"];
            kv: components["schemas"]["Probe"];
        };
        Probe: {
            /** @enum {string} */
            status: "ok" | "error";
            latencyMs?: number;
            error?: string;
        };
        ServiceHealth: {
            /** @enum {string} */
            state: "closed" | "open" | "half_open";
            lastSuccessAt: string | null;
            /** @description The error since the last success; null once a call succeeds */
            lastError: string | null;
            /** @description When lastError happened; null with it */
            lastErrorAt: string | null;
            latencyMs: number | null;
        };
        PartHealth: components["schemas"]["Probe"] | components["schemas"]["ServiceHealth"];
        Session: {
            accessToken: string;
            /** @description Absent in cookie mode (X-AutoArr-Session: cookie), where the autoarr_refresh cookie carries it */
            refreshToken?: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            user: components["schemas"]["User"];
            tenant: components["schemas"]["Tenant"];
            role: components["schemas"]["Role"];
            notice?: components["schemas"]["FailedSignInsNotice"];
        };
        User: {
            id: string;
            email: string;
        };
        Tenant: {
            id: string;
            name: string;
        };
        /** @enum {string} */
        Role: "owner" | "member";
        /** @description On sign-in only, when there were failed sign-ins since the last successful one: show it to the user once */
        FailedSignInsNotice: {
            failedSignIns: number;
            /**
             * Format: date-time
             * @description When the first of them was made
             */
            since: string;
        };
        RegisterRequest: {
            /** @example you@example.com */
            email: string;
            /**
             * @description 8 to 128 characters (Unicode code points after NFKC normalisation); spaces and any script welcome; no control characters, not only whitespace, not one of the most common passwords, not containing the email address's name or the service's
             * @example correct horse battery staple
             */
            password: string;
            /** @example Home lab */
            tenantName: string;
        };
        LoginRequest: {
            /** @example you@example.com */
            email: string;
            password: string;
        };
        RefreshRequest: {
            /** @description Omit in cookie mode: the autoarr_refresh cookie carries it */
            refreshToken?: string;
        };
        Me: {
            user: components["schemas"]["User"];
            tenant: components["schemas"]["Tenant"];
            role: components["schemas"]["Role"];
        };
        CreatedConnector: {
            connector: components["schemas"]["Connector"];
            /** @description Shown once. Run `autoarr-connector pair <code>` on the NAS. */
            pairingCode: string;
        };
        Connector: {
            id: string;
            name: string;
            url: string;
            createdAt: string;
            /** @description When AutoArr last reached the connector (null before the first contact) */
            lastSeenAt: string | null;
            /** @description True when the latest contact succeeded and was within the last 5 minutes; false after a failed contact or 5 minutes without one; null before the first contact */
            reachable: boolean | null;
            /** @description Why the latest contact failed; null once one succeeds */
            lastError: string | null;
        };
        CreateConnectorRequest: {
            /** @example NAS */
            name: string;
            /**
             * Format: uri
             * @example https://connector.example.com
             */
            url: string;
        };
        ConnectorList: {
            connectors: components["schemas"]["Connector"][];
        };
        ToolList: {
            tools: components["schemas"]["Tool"][];
        };
        Tool: {
            name: string;
            title?: string;
            description?: string;
            inputSchema: {
                [key: string]: unknown;
            };
            annotations?: {
                [key: string]: unknown;
            };
        };
        CallToolResult: {
            tool: string;
            app: string;
            data?: unknown;
            text: string;
            latencyMs: number;
            attempts: number;
        };
        CallToolRequest: {
            /** @example sonarr_queue */
            tool: string;
            /** @default {} */
            arguments: {
                [key: string]: unknown;
            };
        };
        Queue: {
            items: components["schemas"]["QueueItem"][];
            sources: components["schemas"]["SourceStatus"];
            cachedAt: string;
        };
        QueueItem: {
            /** @description app:id of the item */
            id: string;
            app: components["schemas"]["AppName"];
            title: string;
            status: string;
            progress: number;
            sizeBytes: number | null;
            sizeLeftBytes: number | null;
            timeLeft: string | null;
            downloadId: string | null;
            category: string | null;
            /** @description Why the item needs attention, when it does */
            problem: string | null;
        };
        /** @enum {string} */
        AppName: "sabnzbd" | "sonarr" | "radarr" | "plex" | "prowlarr";
        /** @description Which apps answered; the data holds what the others could give */
        SourceStatus: {
            [key: string]: {
                /** @enum {string} */
                status: "ok" | "unavailable";
                error?: string;
            };
        };
        DownloadHistory: {
            items: components["schemas"]["HistoryItem"][];
            sources: components["schemas"]["SourceStatus"];
            cachedAt: string;
        };
        HistoryItem: {
            id: string;
            app: components["schemas"]["AppName"];
            title: string;
            /** @enum {string} */
            status: "completed" | "failed";
            at: string | null;
            downloadId: string | null;
            reason: string | null;
            retryable: boolean | null;
        };
        RecoveryActions: {
            items: components["schemas"]["RecoveryAction"][];
            nextCursor: string | null;
        };
        RecoveryAction: {
            id: string;
            app: string;
            itemId: string;
            downloadId: string | null;
            title: string | null;
            failureReason: string;
            strategy: string;
            attempt: number;
            /** @description succeeded, failed, alerted, exhausted, dry_run, awaiting_approval, rejected, or handled_by_app (Sonarr/Radarr processed the failure themselves, so AutoArr did nothing more) */
            outcome: string;
            decidedBy: string;
            why: string | null;
            createdAt: string;
            updatedAt: string | null;
        };
        RecoveryDetail: components["schemas"]["RecoveryAction"] & {
            /** @description What AutoArr did, in order (empty for an alert, a dry run or an action waiting for approval) */
            steps: components["schemas"]["RecoveryStep"][];
            /** @description When AutoArr first saw the failure (null for actions from before this was kept) */
            detectedAt: string | null;
        };
        RecoveryStep: {
            /** @description The tool AutoArr called, e.g. sabnzbd_retry */
            step: string;
            ok: boolean;
            /** @description What the tool answered, or why it failed */
            detail: string | null;
        };
        RecoveryDecision: {
            /** @description The recovery's outcome after the decision, as in RecoveryAction.outcome */
            outcome: string;
        };
        CheckNowReport: {
            queue: {
                checkedAt: string;
                /**
                 * @description Why nothing was checked: recovery is turned off, or no app could be read
                 * @enum {string}
                 */
                skipped?: "disabled" | "unreachable";
                /** @description Failed or stalled downloads found */
                detections: number;
                actions: {
                    key: string;
                    title: string;
                    strategy: string;
                    /** @description As in RecoveryAction.outcome */
                    outcome: string;
                }[];
            };
            /** @description Content requests whose status changed */
            requestsAdvanced: number;
        };
        ActivityPage: {
            items: components["schemas"]["ActivityItem"][];
            nextCursor: string | null;
        };
        ActivityItem: {
            id: string;
            at: string;
            app: string | null;
            kind: string;
            /** @enum {string} */
            level: "info" | "warning" | "error";
            message: string;
            data?: unknown;
        };
        RecoverySettings: {
            /** @default true */
            enabled: boolean;
            /**
             * @default auto
             * @enum {string}
             */
            mode: "auto" | "dry-run" | "approval";
            /** @default 3 */
            maxAttempts: number;
            /** @default false */
            allowLowerQuality: boolean;
            /**
             * @description Checks without progress before a download counts as stalled
             * @default 3
             */
            stallChecks: number;
            /** @default null */
            webhookUrl: string | null;
            /**
             * @default json
             * @enum {string}
             */
            webhookFormat: "json" | "discord";
        };
        Shows: {
            items: components["schemas"]["MediaItem"][];
            cachedAt: string;
        };
        MediaItem: {
            id: number | null;
            title: string;
            year: number | null;
            overview: string | null;
            posterUrl: string | null;
            monitored: boolean | null;
            sizeOnDiskBytes: number | null;
            status: string | null;
            tvdbId?: number;
            tmdbId?: number;
            hasFile?: boolean;
        };
        Movies: {
            items: components["schemas"]["MediaItem"][];
            cachedAt: string;
        };
        Libraries: {
            items: components["schemas"]["Library"][];
            cachedAt: string;
        };
        Library: {
            key: string;
            title: string;
            type: string;
            refreshing: boolean;
            locations: string[];
        };
        Audit: {
            id: string;
            createdAt: string;
            /**
             * @description Whether the rules alone or Claude's vetted review decided
             * @enum {string}
             */
            path: "rules" | "llm";
            /** @description Why that path was taken */
            pathReason?: string;
            apps: {
                [key: string]: components["schemas"]["AppAudit"];
            };
        };
        AppAudit: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            error?: string;
            /** @description Highest priority first */
            recommendations: components["schemas"]["Recommendation"][];
        };
        Recommendation: {
            id: string;
            ruleId: string;
            app: components["schemas"]["AppName"];
            /** @description Concrete setting path, e.g. sonarr.host.logLevel */
            setting: string;
            title: string;
            /** @enum {string} */
            priority: "high" | "medium" | "low";
            /** @description A setting's value as the app serves it (any JSON) */
            currentValue?: unknown;
            /** @description A setting's value as the app serves it (any JSON) */
            recommendedValue?: unknown;
            why: string;
            source: {
                name: string;
                url: string | null;
            };
            /** @enum {string} */
            status: "open" | "applied" | "dismissed";
            /**
             * @description apply: AutoArr can change it; manual: follow the instructions; none: what the app reports about itself, nothing to change
             * @enum {string}
             */
            fix: "apply" | "manual" | "none";
            instructions?: string;
            /** @description A fix that changes several settings at once: each one, with its value at the audit (before) and the value it gets (after) */
            writes?: components["schemas"]["SettingWrite"][];
        };
        SettingWrite: {
            /** @description Concrete setting path */
            setting: string;
            /** @description A setting's value as the app serves it (any JSON) */
            before?: unknown;
            /** @description A setting's value as the app serves it (any JSON) */
            after?: unknown;
        };
        AuditRequest: {
            /** @description Apps to audit; all four when omitted */
            apps?: components["schemas"]["AppName"][];
            /** @description Read the apps again instead of using configuration cached in the last 5 minutes */
            refresh?: boolean;
        };
        ApplyResult: components["schemas"]["ApplyDryRun"] | components["schemas"]["ConfigChangeResult"];
        ApplyDryRun: {
            app: components["schemas"]["AppName"];
            setting: string;
            /** @description A setting's value as the app serves it (any JSON) */
            before?: unknown;
            /** @description A setting's value as the app serves it (any JSON) */
            after?: unknown;
            /** @description Every setting the apply would write, in order; the first is setting/before/after */
            writes: components["schemas"]["SettingWrite"][];
        };
        ConfigChangeResult: {
            change: components["schemas"]["ConfigChange"];
        };
        ConfigChange: {
            id: string;
            app: components["schemas"]["AppName"];
            setting: string;
            /** @description A setting's value as the app serves it (any JSON) */
            before?: unknown;
            /** @description A setting's value as the app serves it (any JSON) */
            after?: unknown;
            at: string;
            user: string | null;
            rolledBackAt: string | null;
            recommendationId: string | null;
            rollbackOf: string | null;
            /** @description Every setting the change wrote, in order (applied and rolled back as one); the first is setting/before/after */
            writes: components["schemas"]["SettingWrite"][];
        };
        ApplyRequest: {
            recommendationId: string;
            dryRun?: boolean;
        };
        ConfigHistory: {
            items: components["schemas"]["ConfigChange"][];
        };
        ParsedRequest: {
            /**
             * @description movie, tv (a series) or unknown when the text does not say
             * @enum {string}
             */
            type: "movie" | "tv" | "unknown";
            /** @description The title to look up, without years, seasons, quality or request words; null when no title is named */
            title: string | null;
            /** @description Release or first-air year when the text gives one */
            year: number | null;
            /** @description Season numbers asked for; null for the whole series or a movie */
            seasons: number[] | null;
            /** @description Episode number within the single season asked for, if any */
            episode: number | null;
            /**
             * @description 720p, 1080p, 2160p (4K/UHD) or best; null when not said
             * @enum {string|null}
             */
            quality: "720p" | "1080p" | "2160p" | "best" | null;
            /** @description A director or actor named instead of a title ('something by Christopher Nolan') */
            person: string | null;
            /** @description Anything else the text asks for that has no field (language, subtitles, urgency) */
            leftovers: string | null;
            /** @enum {string} */
            source: "rules" | "llm";
        };
        RequestQuery: {
            /** @example get me Dune part two in 4k */
            query: string;
        };
        ContentRequest: {
            id: string;
            query: string;
            parse: components["schemas"]["ParsedRequest"] | null;
            /** @enum {string} */
            status: "needs_choice" | "added" | "searching" | "downloading" | "imported" | "available" | "failed";
            options?: components["schemas"]["RequestOption"][];
            choice?: components["schemas"]["RequestChosen"];
            reason?: string;
            /** @enum {string} */
            app?: "sonarr" | "radarr";
            outcome?: components["schemas"]["RequestOutcome"];
            createdAt: string;
            updatedAt: string;
            user: {
                id: string;
                email: string | null;
            } | null;
        };
        RequestOption: {
            optionId: string;
            title: string;
            year: number | null;
            type: components["schemas"]["MediaType"];
            overview: string | null;
            posterUrl: string | null;
            inLibrary: boolean;
        };
        /** @enum {string} */
        MediaType: "tv" | "movie";
        RequestChosen: {
            optionId: string;
            title: string;
            year: number | null;
            type: components["schemas"]["MediaType"];
        };
        RequestOutcome: {
            kind: string;
            title?: string;
            year?: number | null;
            searched?: {
                app: string;
                term: string;
                results: number;
                error?: string;
            }[];
        };
        ContentRequestList: {
            items: components["schemas"]["ContentRequest"][];
            nextCursor: string | null;
        };
        RequestChoice: {
            optionId: string;
        };
        NotificationChannelList: {
            channels: components["schemas"]["NotificationChannel"][];
            kinds: string[];
        };
        NotificationChannel: {
            id: string;
            /** @example ntfy */
            kind: string;
            /** @example Phone (ntfy) */
            name: string;
            enabled: boolean;
            /** @description Why AutoArr turned the channel off (it kept failing), or null */
            disabledReason: string | null;
            events: components["schemas"]["NotificationEventKind"][];
            /** @description The config's fields that are not secrets */
            settings: {
                [key: string]: unknown;
            };
            /** @description Each secret field as its last four characters (…abcd) */
            secrets: {
                [key: string]: string;
            };
            consecutiveFailures: number;
            lastDelivery: {
                /**
                 * @description sent; retrying (will be tried again at nextAttemptAt); failed (given up); held (quiet hours, sent in the digest); gone (the target no longer exists)
                 * @enum {string}
                 */
                status: "sent" | "retrying" | "failed" | "held" | "gone";
                at: string;
            } | null;
            createdAt: string;
        };
        /** @enum {string} */
        NotificationEventKind: "failure_detected" | "recovered" | "gave_up" | "approval_waiting" | "request_available" | "request_failed" | "app_down" | "app_up" | "connector_down" | "connector_up" | "audit_finding";
        CreatedNotificationChannel: {
            channel: components["schemas"]["NotificationChannel"];
            /** @description For a signed webhook whose secret AutoArr generated: shown once, never again */
            revealedOnce?: {
                signingSecret: string;
            };
        };
        CreateNotificationChannelRequest: {
            /** @enum {string} */
            kind: "discord";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                webhookUrl: string;
            };
        } | {
            /** @enum {string} */
            kind: "telegram";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                botToken: string;
                chatId: string;
                apiUrl?: string;
            };
        } | {
            /** @enum {string} */
            kind: "pushover";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                userKey: string;
                appToken: string;
                priority?: number;
                device?: string;
            };
        } | {
            /** @enum {string} */
            kind: "ntfy";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                serverUrl?: string;
                topic: string;
                token?: string;
                priority?: number;
                tags?: string[];
            };
        } | {
            /** @enum {string} */
            kind: "gotify";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                serverUrl: string;
                appToken: string;
                priority?: number;
            };
        } | {
            /** @enum {string} */
            kind: "slack";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                webhookUrl: string;
            };
        } | {
            /** @enum {string} */
            kind: "apprise";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                serverUrl: string;
                key?: string;
                urls?: string;
                tag?: string;
            };
        } | {
            /** @enum {string} */
            kind: "webhook";
            /** @example Phone (ntfy) */
            name: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            config: {
                url: string;
                secret?: string;
            };
        };
        UpdateNotificationChannelRequest: {
            /** @example Phone (ntfy) */
            name?: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
            /** @description false mutes the channel; true turns it back on and clears its failures */
            enabled?: boolean;
            /** @description Fields to change; a secret field left out keeps its stored value */
            config?: {
                [key: string]: unknown;
            };
        };
        NotificationTestResult: {
            delivery: components["schemas"]["NotificationDelivery"];
        };
        NotificationDelivery: {
            id: string;
            channelId: string;
            /** @description The event kind, or test, digest or grouped */
            event: string;
            title: string;
            /**
             * @description sent; retrying (will be tried again at nextAttemptAt); failed (given up); held (quiet hours, sent in the digest); gone (the target no longer exists)
             * @enum {string}
             */
            status: "sent" | "retrying" | "failed" | "held" | "gone";
            attempts: number;
            httpStatus: number | null;
            /** @description What the service answered, secrets removed */
            answer: string | null;
            createdAt: string;
            updatedAt: string;
            nextAttemptAt: string | null;
        };
        NotificationDeliveryList: {
            deliveries: components["schemas"]["NotificationDelivery"][];
        };
        NotificationSettings: {
            /** @default {} */
            quietHours: {
                /** @default false */
                enabled: boolean;
                /** @default 22:00 */
                start: string;
                /** @default 07:00 */
                end: string;
                /**
                 * @default UTC
                 * @example Europe/London
                 */
                timeZone: string;
                /**
                 * @description Critical events (an app down, gave up) are sent during quiet hours too
                 * @default true
                 */
                letCriticalThrough: boolean;
            };
        };
        PushKey: {
            /** @description The VAPID public key (applicationServerKey); null when web push is not configured */
            publicKey: string | null;
        };
        PushSubscriptionRequest: {
            /** Format: uri */
            endpoint: string;
            keys: {
                p256dh: string;
                auth: string;
            };
            /**
             * @default This device
             * @example Phone (ntfy)
             */
            deviceName: string;
            /** @description The events this channel receives */
            events?: components["schemas"]["NotificationEventKind"][];
        };
        AppLinks: {
            /** @description Each app the connector has; an app it does not have is absent, and all are when the connector cannot be reached */
            apps: {
                sabnzbd?: components["schemas"]["AppWebUrl"];
                sonarr?: components["schemas"]["AppWebUrl"];
                radarr?: components["schemas"]["AppWebUrl"];
                plex?: components["schemas"]["AppWebUrl"];
                prowlarr?: components["schemas"]["AppWebUrl"];
            };
            /** @description When the connector was asked (answers are kept an hour) */
            cachedAt: string;
        };
        AppWebUrl: {
            /**
             * @description The app's base URL as the connector reports it: http or https, origin and URL base, no trailing slash
             * @example http://192.168.1.10:8989
             */
            webUrl: string;
        };
        Overview: {
            generatedAt: string;
            timeZone: string;
            today: {
                detected: number;
                fixed: number;
                gaveUp: number;
                requestsCompleted: number;
                downloadsCompleted: number;
            };
            attention: {
                /** @description Recovery actions waiting for approval */
                approvalsWaiting: number;
                /** @description Content requests waiting for the user to choose */
                requestsNeedingChoice: number;
                /** @description Recoveries that ended exhausted or alerted in the window, newest first, at most 5 (id is the recovery action's) */
                gaveUp: {
                    id: string;
                    app: string;
                    title: string | null;
                    at: string;
                    reason: string;
                }[];
                /** @description Open high-priority recommendations of each app's latest audit, at most 5 */
                highPriorityFindings: {
                    id: string;
                    app: string;
                    title: string;
                }[];
            };
            /** @description Oldest first; the last one is today */
            days: components["schemas"]["OverviewDay"][];
            /** @description From AutoArr first seeing a failure to the recovery that succeeded, over the window */
            fixTime: {
                medianSeconds: number | null;
                p90Seconds: number | null;
                /** @description Succeeded recoveries in the window whose detection time is known */
                fixes: number;
            };
        };
        OverviewDay: {
            /**
             * @description Calendar day in the requested zone, YYYY-MM-DD
             * @example 2026-12-01
             */
            date: string;
            /** @description Failures detected (activity of kind detection) */
            detected: number;
            recoveries: components["schemas"]["RecoveriesByOutcome"];
            /** @description Content requests that became available */
            requestsCompleted: number;
            /** @description Downloads SABnzbd completed */
            downloadsCompleted: number;
        };
        RecoveriesByOutcome: {
            /** @description Outcome succeeded */
            fixed: number;
            /** @description Outcome failed */
            failed: number;
            /** @description Outcome exhausted or alerted */
            gaveUp: number;
            /** @description Outcome handled_by_app */
            handledByApp: number;
            /** @description Outcome dry_run, awaiting_approval or rejected */
            other: number;
        };
        QueueTimeline: {
            from: string;
            to: string;
            /** @description Oldest first. A sample holds until the next one: one taken before `from` that still held then is given at `from` */
            samples: components["schemas"]["QueueSample"][];
        };
        QueueSample: {
            at: string;
            speedBytesPerSecond: number;
            sizeLeftBytes: number;
            items: number;
        };
        FindingsTrend: {
            /** @description The latest audits, oldest first, each with its recommendations counted by priority (whatever their status now) */
            audits: {
                id: string;
                at: string;
                high: number;
                medium: number;
                low: number;
            }[];
        };
        HuntingOverview: {
            apps: {
                sonarr: components["schemas"]["HuntingAppState"];
                radarr: components["schemas"]["HuntingAppState"];
            };
            recentRuns: components["schemas"]["HuntRun"][];
        };
        HuntingAppState: {
            settings: components["schemas"]["HuntingSettings"];
            /**
             * Format: date-time
             * @description When the next hunt is due; null while off or paused
             */
            nextRunAt: string | null;
            /** @description Items searched in the last rolling hour */
            searchedLastHour: number;
        };
        HuntingSettings: {
            /** @default false */
            enabled: boolean;
            /** @default false */
            paused: boolean;
            /**
             * @description Record what would be searched without asking the app to search
             * @default false
             */
            dryRun: boolean;
            /**
             * @description Most items searched in any rolling hour
             * @default 5
             */
            perHour: number;
            /**
             * @description Which wanted lists to hunt: missing, cutoff-unmet or both
             * @default [
             *       "missing",
             *       "cutoff"
             *     ]
             */
            lists: ("missing" | "cutoff")[];
            /**
             * @description Items searched this recently (by AutoArr or by the app itself) wait
             * @default 24
             */
            skipSearchedWithinHours: number;
        };
        HuntRun: {
            id: string;
            /**
             * @description The app whose wanted lists are hunted
             * @enum {string}
             */
            app: "sonarr" | "radarr";
            /** Format: date-time */
            at: string;
            /**
             * @description searched: a search was started; dry-run: it would have been; nothing: nothing was due; held: the hourly or indexer limit left no room; failed: an app or the connector failed
             * @enum {string}
             */
            status: "searched" | "dry-run" | "nothing" | "held" | "failed";
            dryRun: boolean;
            /** @description Wanted items the run read */
            wanted: number;
            /** @description Items searched (or, in dry run, that would have been) */
            searched: number;
            message: string;
            /** @description Calls to the connector the run made */
            roundTrips: number;
        };
        HuntLog: {
            items: components["schemas"]["HuntLogEntry"][];
        };
        HuntLogEntry: {
            id: string;
            /**
             * @description The app whose wanted lists are hunted
             * @enum {string}
             */
            app: "sonarr" | "radarr";
            runId: string;
            itemId: number;
            /** @enum {string} */
            list: "missing" | "cutoff";
            label: string;
            dryRun: boolean;
            /** Format: date-time */
            searchedAt: string;
        };
        HuntingSettingsPatch: {
            enabled?: boolean;
            paused?: boolean;
            dryRun?: boolean;
            perHour?: number;
            lists?: ("missing" | "cutoff")[];
            skipSearchedWithinHours?: number;
        };
        /**
         * @example {
         *       "target": {
         *         "app": "sonarr",
         *         "label": "Severance S02E03",
         *         "seriesId": 12,
         *         "seasonNumber": 2,
         *         "episodeNumber": 3,
         *         "episodeId": 1234,
         *         "title": "Severance"
         *       },
         *       "verdict": {
         *         "status": "broken",
         *         "step": "releases",
         *         "summary": "Sonarr rejected all 14 releases: none matched quality profile 'HD-1080p' (all were 2160p)"
         *       },
         *       "steps": [
         *         {
         *           "id": "plex",
         *           "title": "In Plex?",
         *           "status": "warning",
         *           "saw": "Plex does not have Severance S02E03",
         *           "where": "Plex · TV Shows"
         *         },
         *         {
         *           "id": "releases",
         *           "title": "What the indexers returned",
         *           "status": "broken",
         *           "saw": "Sonarr rejected all 14 releases: none matched quality profile 'HD-1080p' (all were 2160p)",
         *           "where": "Sonarr · release search",
         *           "evidence": [
         *             "Severance.S02E03.2160p.WEB-DL: WEBDL-2160p is not wanted in profile"
         *           ]
         *         }
         *       ],
         *       "fixes": [
         *         {
         *           "id": "change-quality-profile:sonarr:12",
         *           "action": "change-quality-profile",
         *           "label": "Use profile 'Ultra-HD'",
         *           "description": "Move Severance to quality profile 'Ultra-HD', which allows 2160p, then search again",
         *           "app": "sonarr",
         *           "step": "releases",
         *           "params": {
         *             "mediaId": 12,
         *             "fromProfileId": 4,
         *             "toProfileId": 5
         *           }
         *         }
         *       ],
         *       "releaseSearch": "ran",
         *       "diagnosedAt": "2026-12-02T04:30:00.000Z"
         *     }
         */
        Diagnosis: {
            target: components["schemas"]["DiagnosisTarget"];
            verdict: {
                /** @enum {string} */
                status: "broken" | "arrived" | "on-its-way" | "unknown";
                /** @enum {string|null} */
                step: "plex" | "known" | "monitored" | "wanted" | "searched" | "releases" | "indexers" | "grabbed" | "download" | "import" | "plex-refresh" | null;
                summary: string;
            };
            steps: components["schemas"]["DiagnosisStep"][];
            fixes: components["schemas"]["DiagnosisFix"][];
            /** @enum {string} */
            releaseSearch: "not-run" | "ran";
            diagnosedAt: string;
        };
        DiagnosisTarget: {
            /** @enum {string} */
            app: "sonarr" | "radarr";
            /**
             * @description The item as people say it
             * @example Severance S02E03
             */
            label: string;
            seriesId?: number;
            seasonNumber?: number;
            episodeNumber?: number;
            episodeId?: number;
            movieId?: number;
            tvdbId?: number;
            tmdbId?: number;
            title?: string;
            year?: number;
        };
        DiagnosisStep: {
            /** @enum {string} */
            id: "plex" | "known" | "monitored" | "wanted" | "searched" | "releases" | "indexers" | "grabbed" | "download" | "import" | "plex-refresh";
            /** @example Grabbed? */
            title: string;
            /** @enum {string} */
            status: "ok" | "broken" | "warning" | "waiting" | "skipped" | "unknown";
            /** @description What AutoArr saw, in plain words */
            saw: string;
            /**
             * @description The app and resource it read
             * @example Sonarr · episode 1234
             */
            where: string;
            /** @description The facts behind it, one a line */
            evidence?: string[];
        };
        DiagnosisFix: {
            id: string;
            /** @enum {string} */
            action: "search" | "monitor" | "blocklist-remove" | "retry-download" | "mark-failed" | "change-quality-profile" | "plex-refresh" | "indexer-enable";
            /**
             * @description Button text
             * @example Search now
             */
            label: string;
            description: string;
            /** @enum {string} */
            app: "sabnzbd" | "sonarr" | "radarr" | "plex" | "prowlarr";
            /** @enum {string} */
            step: "plex" | "known" | "monitored" | "wanted" | "searched" | "releases" | "indexers" | "grabbed" | "download" | "import" | "plex-refresh";
            /** @description Opaque: pass back to /diagnose/fixes unchanged */
            params: {
                [key: string]: unknown;
            };
        };
        /**
         * @example {
         *       "query": "Severance S02E03",
         *       "releaseSearch": false
         *     }
         */
        DiagnoseRequest: {
            /**
             * @description The item in plain words
             * @example Severance S02E03
             */
            query?: string;
            /** @description A content request of this tenant */
            requestId?: string;
            /** @description Sonarr series id (with seasonNumber and episodeNumber for one episode) */
            sonarrSeriesId?: number;
            /** @description Season, with sonarrSeriesId */
            seasonNumber?: number;
            /** @description Episode within the season, with sonarrSeriesId */
            episodeNumber?: number;
            /** @description Radarr movie id */
            radarrMovieId?: number;
            /**
             * @description Also ask the indexers now what they offer (Sonarr's/Radarr's release search queries every indexer; limited per tenant)
             * @default false
             */
            releaseSearch: boolean;
        };
        /**
         * @example {
         *       "action": "search",
         *       "dryRun": false,
         *       "applied": true,
         *       "message": "Sonarr is searching for Severance S02E03",
         *       "activityId": "0b6c…"
         *     }
         */
        DiagnosisFixResult: {
            /** @enum {string} */
            action: "search" | "monitor" | "blocklist-remove" | "retry-download" | "mark-failed" | "change-quality-profile" | "plex-refresh" | "indexer-enable";
            dryRun: boolean;
            applied: boolean;
            message: string;
            activityId?: string;
            /** @description A quality-profile change's recovery record (its rollback record) */
            changeId?: string;
        };
        /**
         * @example {
         *       "action": "search",
         *       "target": {
         *         "app": "sonarr",
         *         "label": "Severance S02E03",
         *         "seriesId": 12,
         *         "seasonNumber": 2,
         *         "episodeNumber": 3,
         *         "episodeId": 1234
         *       },
         *       "params": {
         *         "episodeIds": [
         *           1234
         *         ]
         *       },
         *       "dryRun": true
         *     }
         */
        DiagnosisFixRequest: {
            /** @enum {string} */
            action: "search" | "monitor" | "blocklist-remove" | "retry-download" | "mark-failed" | "change-quality-profile" | "plex-refresh" | "indexer-enable";
            target: components["schemas"]["DiagnosisTarget"];
            /** @description The fix's params, as the diagnosis gave them */
            params: {
                [key: string]: unknown;
            };
            /**
             * @description Say what would be done and change nothing
             * @default false
             */
            dryRun: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    runCheckNow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The check's report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckNowReport"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runConfigAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AuditRequest"];
            };
        };
        responses: {
            /** @description The stored audit */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Audit"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An upstream service is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    applyRecommendation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyRequest"];
            };
        };
        responses: {
            /** @description What would be written, or the recorded change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplyResult"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An upstream service is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Channels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelList"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNotificationChannelRequest"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedNotificationChannel"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationChannelRequest"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannel"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tried */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTestResult"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryList"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettings"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPushKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushKey"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addPushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscriptionRequest"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannel"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    diagnose: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiagnoseRequest"];
            };
        };
        responses: {
            /** @description The diagnosis */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Diagnosis"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An upstream service is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    applyDiagnosisFix: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiagnosisFixRequest"];
            };
        };
        responses: {
            /** @description What was done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiagnosisFixResult"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An upstream service is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
