/**
 * GENERATED from ../openapi.json by `npm run generate:api` — do not edit by hand.
 * `npm run check:api` (part of `npm test`) fails when this file drifts from the contract.
 */

export type paths = {
    "/api/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform Audit Log
         * @description Security events of every organization and of the platform, newest first.
         */
        get: operations["audit_list_all"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Jobs
         * @description Ingestion job rows, newest first; dateFrom/dateTo bound createdAt, both inclusive
         *     (§1.1). Keyset-paged by (createdAt, id) with signed cursors (§1.4).
         */
        get: operations["admin_list_ingestion_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Job
         * @description One job with its counts and a page of its error rows.
         */
        get: operations["admin_get_ingestion_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/jobs/{job_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry Job
         * @description Re-enqueue a failed job's task with its original arguments (a new Arq job that
         *     names the job it retries). Safe to repeat: the loaders are idempotent (BR-059).
         */
        post: operations["admin_retry_ingestion_job"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Queues
         * @description The main Arq queue: jobs waiting (its sorted set) and jobs being run now.
         */
        get: operations["admin_list_ingestion_queues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sources
         * @description Every data source: schedule, last and next run, last status and records, staleness.
         */
        get: operations["admin_list_ingestion_sources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/sources/{name}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause Source
         * @description Pause a source: its scheduled runs and retries do nothing until it is resumed
         *     (data_sources.is_active, also set by the worker on a refused key, BR-054).
         */
        post: operations["admin_pause_ingestion_source"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/sources/{name}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume Source
         * @description Resume a paused source; its next scheduled run loads again (and catches up).
         */
        post: operations["admin_resume_ingestion_source"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/sources/{name}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trigger Source
         * @description Queue the source's scheduled run now (its task with default arguments).
         */
        post: operations["admin_trigger_ingestion_source"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Organizations
         * @description Every customer organization.
         */
        get: operations["admin_list_organizations"];
        put?: never;
        /**
         * Create Organization
         * @description Provision a tenant and invite its first admin.
         */
        post: operations["admin_create_organization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{org_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Organization
         * @description One tenant with its users.
         */
        get: operations["admin_get_organization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Organization
         * @description Rename, require MFA, or change the status; suspending ends every session of the org.
         */
        patch: operations["admin_update_organization"];
        trace?: never;
    };
    "/api/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Assets
         * @description The org's assets, filtered and keyset-paged (api.md §1.4, §1.5; D10).
         */
        get: operations["assets_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{asset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Asset
         * @description One asset with its D2 current owner, open liens and title verdict.
         */
        get: operations["assets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{asset_id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Assignments
         * @description The chain of title in P5 order, oldest first; empty when nothing is recorded yet.
         */
        get: operations["assets_assignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{asset_id}/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Diagram
         * @description D16: the diagram payload exactly as generate_json stored it, with an ETag.
         */
        get: operations["assets_diagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate Numbers
         * @description Normalise patent/application numbers and say which the org tracks (api.md §3.2 #22).
         *
         *     A bare 8-digit number is both a possible application and a possible grant number, so
         *     both readings are checked.
         */
        post: operations["assets_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/accept-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept Invite
         * @description Set the invitee's password; verifies the e-mail and signs them in (api.md §2.4).
         */
        post: operations["auth_accept_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Password
         * @description Change the password; the user's other sessions end. Also the way out of
         *     `passwordChangeRequired` (api.md §2.4 login step 4).
         */
        post: operations["auth_change_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot Password
         * @description Mail a reset link (1 hour, single use); the same reply whether or not the e-mail exists.
         */
        post: operations["auth_forgot_password"];
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
        /**
         * Login
         * @description Sign in with e-mail and password; sets the session cookies or asks for the MFA code.
         */
        post: operations["auth_login"];
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
        /**
         * Logout
         * @description End this session (access or refresh cookie); always 200 and clears every cookie.
         */
        post: operations["auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm
         * @description Activate MFA with a first code; the user's other sessions end (api.md §2.4).
         */
        post: operations["auth_mfa_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable
         * @description Turn MFA off with the password and a current code, unless MFA is mandatory.
         */
        post: operations["auth_mfa_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Setup
         * @description Start enrolment: a new secret and ten backup codes, shown once, active after confirm.
         */
        post: operations["auth_mfa_setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify
         * @description The login's second step: the mfaToken plus a TOTP or backup code.
         */
        post: operations["auth_mfa_verify"];
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
        /**
         * Refresh
         * @description Rotate the session (refresh cookie + CSRF header); a reused token ends the family.
         */
        post: operations["auth_refresh"];
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
        /**
         * Register
         * @description Create an account and its trial organization (R22); the same reply for taken e-mails.
         */
        post: operations["auth_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend Verification
         * @description Send a fresh verification link (the older one dies); the same reply for every e-mail.
         */
        post: operations["auth_resend_verification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset Password
         * @description Set a new password with the mailed token; every session of the user ends (§2.4).
         */
        post: operations["auth_reset_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify Email
         * @description Confirm the e-mail address with the token from the mail (single use, 1 hour).
         */
        post: operations["auth_verify_email"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Companies
         * @description The organization's companies, by name.
         */
        get: operations["companies_list"];
        put?: never;
        /**
         * Create Company
         * @description Add a company (its name and aliases); the pipeline recomputes the org (D15).
         */
        post: operations["companies_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{company_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Company
         * @description Remove a company (soft delete); the pipeline recomputes the org (D15).
         */
        delete: operations["companies_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboards/broken-titles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Broken Titles
         * @description Assets with a broken chain of title, keyset-paged by application number (D10).
         */
        get: operations["dashboards_broken_titles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboards/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Summary
         * @description BR-042/043 KPIs (the org row, or per selected company) with broken/lien counts.
         */
        get: operations["dashboards_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboards/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Timeline
         * @description Step-4 timeline entries by record date (inclusive range) and sequence (D10).
         */
        get: operations["dashboards_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboards/trees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Trees
         * @description BR-024..031 ownership tree nodes grouped per tab (every tab present, maybe empty).
         */
        get: operations["dashboards_trees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Organization event stream (SSE)
         * @description Server-Sent Events of the caller's organization: `connected`, then the pipeline events (`run.started`, `step.started`, `step.finished`, `step.failed`, `run.finished`, ...) each with `id:` = its event id and `data:` = its JSON body. `Last-Event-ID` (or `lastEventId`, for EventSource reconnects) first replays the stored events after that id. A `: ping` comment is sent every 15 s. When the access token expires the stream sends `session-expired` and ends.
         */
        get: operations["events_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live
         * @description The process is up (no dependencies are checked).
         */
        get: operations["health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ready
         * @description Ready to serve: database reachable, migrations at head, Redis reachable (else 503).
         */
        get: operations["health_ready"];
        put?: never;
        post?: never;
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
        /**
         * Me
         * @description Who am I: the user, the organization and what the session still needs (MFA, a
         *     password change), plus the user's preferences.
         */
        get: operations["me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Me
         * @description Change the caller's own name and preferences (api.md §3.1); answers like GET /me.
         *
         *     Only the caller's row is written. Preferences merge key by key in SQL (jsonb `||`),
         *     so two concurrent updates of different keys both land.
         */
        patch: operations["me_update"];
        trace?: never;
    };
    "/api/v1/organizations/{org_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Organization
         * @description The caller's organization (another tenant's id is 404).
         */
        get: operations["organizations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Organization
         * @description Rename the organization or require MFA of its users (D13).
         */
        patch: operations["organizations_update"];
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Org Audit Log
         * @description Security events of the organization, newest first.
         */
        get: operations["audit_list_org"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pipeline Status
         * @description The latest processing job with its steps, and whether another run is pending.
         */
        get: operations["pipeline_status"];
        put?: never;
        /**
         * Rebuild
         * @description Queue a full rebuild of the org's pipeline; enqueued after this request commits.
         */
        post: operations["pipeline_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description The organization's users.
         */
        get: operations["users_list"];
        put?: never;
        /**
         * Invite User
         * @description Invite someone by e-mail; they set their own password from the link.
         */
        post: operations["users_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Deactivate User
         * @description Deactivate a user: they cannot sign in and every session ends now.
         */
        delete: operations["users_deactivate"];
        options?: never;
        head?: never;
        /**
         * Change Role
         * @description Change a user's role; their sessions end so the new role applies at once.
         */
        patch: operations["users_update"];
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/users/{user_id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock User
         * @description Lift every lockout, including the 20-failure lock only an admin can lift (D12).
         */
        post: operations["users_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** AcceptInviteRequest */
        AcceptInviteRequest: {
            /** Name */
            name?: string | null;
            /** Password */
            password: string;
            /** Token */
            token: string;
        };
        /** AdminOrgCreate */
        AdminOrgCreate: {
            /** Adminemail */
            adminEmail: string;
            /** Adminname */
            adminName: string;
            /** Name */
            name: string;
            /**
             * Status
             * @default active
             * @enum {string}
             */
            status: "active" | "trial";
        };
        /** AdminOrgCreated */
        AdminOrgCreated: {
            /**
             * Adminuserid
             * Format: uuid
             */
            adminUserId: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "trial" | "suspended" | "cancelled";
        };
        /** AdminOrgDetail */
        AdminOrgDetail: {
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfarequired */
            mfaRequired: boolean;
            /** Name */
            name: string;
            /** Slug */
            slug: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "trial" | "suspended" | "cancelled";
            /** Usercount */
            userCount: number;
            /** Users */
            users: components["schemas"]["UserItem"][];
        };
        /** AdminOrgPatch */
        AdminOrgPatch: {
            /** Mfarequired */
            mfaRequired?: boolean | null;
            /** Name */
            name?: string | null;
            /** Status */
            status?: ("active" | "trial" | "suspended" | "cancelled") | null;
        };
        /** AssetDetail */
        AssetDetail: {
            /** Applicationdate */
            applicationDate: string | null;
            /** Applicationnumber */
            applicationNumber: string | null;
            company: components["schemas"]["CompanyRef"] | null;
            /** Computedat */
            computedAt: string | null;
            currentOwner: components["schemas"]["CurrentOwner"] | null;
            /** Grantdate */
            grantDate: string | null;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Inventorsource */
            inventorSource: string | null;
            /** Openliens */
            openLiens: components["schemas"]["OpenLien"][];
            /** Rulesetversion */
            rulesetVersion: string | null;
            /**
             * Status
             * @description D2 chain status (complete|encumbered|broken); null before the first pipeline run.
             */
            status: string | null;
            /** Title */
            title: string | null;
            /** @description BR-032..036 verdict; null for assets outside the verdict floor or before the first pipeline run. */
            titleVerdict: components["schemas"]["TitleVerdict"] | null;
        };
        /** AssetListItem */
        AssetListItem: {
            /** Applicationdate */
            applicationDate: string | null;
            /** Applicationnumber */
            applicationNumber: string | null;
            company: components["schemas"]["CompanyRef"] | null;
            /** Grantdate */
            grantDate: string | null;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Status
             * @description D2 chain status (complete|encumbered|broken); null before the first pipeline run.
             */
            status: string | null;
            /** Title */
            title: string | null;
        };
        /**
         * AssetSort
         * @description api.md §1.5: the whole allowed set; anything else is a 400 naming `sort`.
         * @enum {string}
         */
        AssetSort: "applicationNumber" | "grantNumber" | "applicationDate" | "grantDate" | "title";
        /** AuditItem */
        AuditItem: {
            /** Action */
            action: string;
            /** Actortype */
            actorType: string;
            /** Actoruserid */
            actorUserId: string | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Details */
            details: {
                [key: string]: unknown;
            } | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Ipaddress */
            ipAddress: string | null;
            /** Organizationid */
            organizationId: string | null;
            /** Requestid */
            requestId: string | null;
            /** Resourceid */
            resourceId: string | null;
            /** Resourcetype */
            resourceType: string | null;
            /** Useragent */
            userAgent: string | null;
        };
        /** BreakPoint */
        BreakPoint: {
            /** Actual */
            actual: string[];
            /** Afterrfid */
            afterRfId: string;
            /** Beforerfid */
            beforeRfId: string | null;
            /** Expected */
            expected: string[];
            /** Reason */
            reason?: string | null;
            /**
             * Seq
             * @description 1-based P5 position of the conveyance after the gap.
             */
            seq: number;
        };
        /** BrokenTitle */
        BrokenTitle: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /**
             * Assetid
             * Format: uuid
             */
            assetId: string;
            /** @description Null when the chain has no located gap (e.g. no_transactions). */
            breakPoint: components["schemas"]["TitleBreak"] | null;
            company: components["schemas"]["CompanyRef"] | null;
            /** Currentholders */
            currentHolders: string[];
            /**
             * Detectedat
             * Format: date-time
             */
            detectedAt: string;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Reasoncode
             * @description The headline BR-033 reason.
             */
            reasonCode: string | null;
            /** Reasons */
            reasons: string[];
        };
        /** ChangePasswordRequest */
        ChangePasswordRequest: {
            /** Currentpassword */
            currentPassword: string;
            /** Newpassword */
            newPassword: string;
        };
        /** CompanyCreate */
        CompanyCreate: {
            /** Aliases */
            aliases?: string[];
            /** Name */
            name: string;
        };
        /** CompanyOut */
        CompanyOut: {
            /** Aliases */
            aliases: string[];
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** CompanyRef */
        CompanyRef: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** Conveyance */
        Conveyance: {
            /** Assignees */
            assignees: components["schemas"]["Party"][];
            /** Assignors */
            assignors: components["schemas"]["Party"][];
            /** Conveyancetext */
            conveyanceText: string | null;
            /**
             * Conveyancetype
             * @description The org's effective classification; null before the first pipeline run.
             */
            conveyanceType: string | null;
            /**
             * Effectivedate
             * @description The P5 ordering date.
             */
            effectiveDate: string | null;
            /** Executiondate */
            executionDate: string | null;
            /** Frame */
            frame: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Isemployerassignment */
            isEmployerAssignment: boolean | null;
            /** Recorddate */
            recordDate: string | null;
            /** Reel */
            reel: string;
            /** Rfid */
            rfId: string;
            /**
             * Seq
             * @description 1-based P5 position in the chain of title.
             */
            seq: number;
        };
        /**
         * ConveyanceType
         * @description api.md §1.5 common `conveyanceType` values (the effective classification).
         * @enum {string}
         */
        ConveyanceType: "assignment" | "employee" | "govern" | "merger" | "namechg" | "license" | "release" | "security" | "correct" | "missing";
        /** CurrentOwner */
        CurrentOwner: {
            /** Holders */
            holders: string[];
            /** Status */
            status: string;
            /**
             * Supportingrfids
             * @description The chain that supports the holders (D2).
             */
            supportingRfIds: string[];
        };
        /** CursorInfo */
        CursorInfo: {
            /** Hasmore */
            hasMore: boolean;
            /** Next */
            next?: string | null;
        };
        /** CursorPage[AssetListItem] */
        CursorPage_AssetListItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["AssetListItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[BrokenTitle] */
        CursorPage_BrokenTitle_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["BrokenTitle"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[JobItem] */
        CursorPage_JobItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["JobItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[TimelineEntry] */
        CursorPage_TimelineEntry_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["TimelineEntry"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** DashboardSummary */
        DashboardSummary: {
            /**
             * Brokentitles
             * @description Assets whose chain-of-title verdict is broken.
             */
            brokenTitles: number;
            /**
             * Metrics
             * @description The org row, or the selected companies' rows; empty before the first pipeline run.
             */
            metrics: components["schemas"]["KpiSet"][];
            /**
             * Openliens
             * @description Open security interests (one per asset and lender, D2).
             */
            openLiens: number;
            scope: components["schemas"]["SummaryScope"];
        };
        /** EmailRequest */
        EmailRequest: {
            /** Email */
            email: string;
        };
        /** Envelope[AssetDetail] */
        Envelope_AssetDetail_: {
            data: components["schemas"]["AssetDetail"];
        };
        /** Envelope[CompanyOut] */
        Envelope_CompanyOut_: {
            data: components["schemas"]["CompanyOut"];
        };
        /** Envelope[DashboardSummary] */
        Envelope_DashboardSummary_: {
            data: components["schemas"]["DashboardSummary"];
        };
        /** Envelope[dict[str, Any]] */
        Envelope_dict_str__Any__: {
            /** Data */
            data: {
                [key: string]: unknown;
            };
        };
        /** Envelope[JobDetail] */
        Envelope_JobDetail_: {
            data: components["schemas"]["JobDetail"];
        };
        /** Envelope[JobQueued] */
        Envelope_JobQueued_: {
            data: components["schemas"]["JobQueued"];
        };
        /** Envelope[list[CompanyOut]] */
        Envelope_list_CompanyOut__: {
            /** Data */
            data: components["schemas"]["CompanyOut"][];
        };
        /** Envelope[list[Conveyance]] */
        Envelope_list_Conveyance__: {
            /** Data */
            data: components["schemas"]["Conveyance"][];
        };
        /** Envelope[list[QueueStatus]] */
        Envelope_list_QueueStatus__: {
            /** Data */
            data: components["schemas"]["QueueStatus"][];
        };
        /** Envelope[list[SourceStatus]] */
        Envelope_list_SourceStatus__: {
            /** Data */
            data: components["schemas"]["SourceStatus"][];
        };
        /** Envelope[list[TreeTab]] */
        Envelope_list_TreeTab__: {
            /** Data */
            data: components["schemas"]["TreeTab"][];
        };
        /** Envelope[PipelineRequested] */
        Envelope_PipelineRequested_: {
            data: components["schemas"]["PipelineRequested"];
        };
        /** Envelope[PipelineStatus] */
        Envelope_PipelineStatus_: {
            data: components["schemas"]["PipelineStatus"];
        };
        /** Envelope[SourceStatus] */
        Envelope_SourceStatus_: {
            data: components["schemas"]["SourceStatus"];
        };
        /** ErrorBody */
        ErrorBody: {
            /**
             * Code
             * @example VALIDATION_ERROR
             */
            code: string;
            /**
             * Details
             * @description Machine-readable context; for VALIDATION_ERROR `fieldErrors` maps each field to its messages (D9).
             */
            details?: {
                [key: string]: unknown;
            };
            /** Message */
            message: string;
            /**
             * Requestid
             * @default null
             */
            requestId: string | null;
            /**
             * Validationerrors
             * @default null
             */
            validationErrors: components["schemas"]["FieldError"][] | null;
        };
        /**
         * ErrorEnvelope
         * @description The shape of every error response.
         */
        ErrorEnvelope: {
            error: components["schemas"]["ErrorBody"];
            $defs: {
                /** ErrorBody */
                ErrorBody: {
                    /**
                     * Code
                     * @example VALIDATION_ERROR
                     */
                    code: string;
                    /**
                     * Details
                     * @description Machine-readable context; for VALIDATION_ERROR `fieldErrors` maps each field to its messages (D9).
                     */
                    details?: {
                        [key: string]: unknown;
                    };
                    /** Message */
                    message: string;
                    /**
                     * Requestid
                     * @default null
                     */
                    requestId: string | null;
                    /**
                     * Validationerrors
                     * @default null
                     */
                    validationErrors: components["schemas"]["FieldError"][] | null;
                };
                /** FieldError */
                FieldError: {
                    /**
                     * Field
                     * @description Where the value came from and its path, e.g. body.password
                     */
                    field: string;
                    /** Message */
                    message: string;
                    /** Type */
                    type: string;
                };
            };
        };
        /** FieldError */
        FieldError: {
            /**
             * Field
             * @description Where the value came from and its path, e.g. body.password
             */
            field: string;
            /** Message */
            message: string;
            /** Type */
            type: string;
        };
        /** InviteRequest */
        InviteRequest: {
            /** Email */
            email: string;
            /** Name */
            name: string;
            /**
             * Role
             * @default org_member
             * @enum {string}
             */
            role: "org_admin" | "org_member";
        };
        /** InviteResponse */
        InviteResponse: {
            /** Invitationsent */
            invitationSent: boolean;
            /**
             * Userid
             * Format: uuid
             */
            userId: string;
        };
        /** JobDetail */
        JobDetail: {
            /** Completedat */
            completedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Durationms */
            durationMs: number | null;
            /** Errormessage */
            errorMessage: string | null;
            /** Errors */
            errors: components["schemas"]["JobErrorItem"][];
            /** Errorstotal */
            errorsTotal: number;
            /** Filename */
            fileName: string | null;
            /** Filesizebytes */
            fileSizeBytes: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Metadata */
            metadata: {
                [key: string]: unknown;
            } | null;
            /** Recordsfailed */
            recordsFailed: number;
            /** Recordsinserted */
            recordsInserted: number;
            /** Recordsprocessed */
            recordsProcessed: number;
            /** Recordsupdated */
            recordsUpdated: number;
            /** Retryable */
            retryable: boolean;
            /** Source */
            source: string;
            /** Startedat */
            startedAt: string | null;
            status: components["schemas"]["JobStatus"];
        };
        /** JobErrorItem */
        JobErrorItem: {
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Errormessage */
            errorMessage: string;
            /** Errortype */
            errorType: string;
            /** Filename */
            fileName: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Rawdata */
            rawData: {
                [key: string]: unknown;
            } | null;
            /** Recordidentifier */
            recordIdentifier: string | null;
            /** Recordposition */
            recordPosition: number | null;
        };
        /** JobItem */
        JobItem: {
            /** Completedat */
            completedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Durationms */
            durationMs: number | null;
            /** Errormessage */
            errorMessage: string | null;
            /** Filename */
            fileName: string | null;
            /** Filesizebytes */
            fileSizeBytes: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Recordsfailed */
            recordsFailed: number;
            /** Recordsinserted */
            recordsInserted: number;
            /** Recordsprocessed */
            recordsProcessed: number;
            /** Recordsupdated */
            recordsUpdated: number;
            /** Retryable */
            retryable: boolean;
            /** Source */
            source: string;
            /** Startedat */
            startedAt: string | null;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * JobQueued
         * @description 202: an Arq job was queued (enqueued once this request commits, D17).
         */
        JobQueued: {
            /** Jobid */
            jobId: string;
            /** Retryof */
            retryOf?: string | null;
            /** Source */
            source: string;
            /**
             * Status
             * @default queued
             * @constant
             */
            status: "queued";
            /** Task */
            task: string;
        };
        /**
         * JobStatus
         * @description ingestion_jobs.status (domain-model §9).
         * @enum {string}
         */
        JobStatus: "pending" | "running" | "success" | "failed" | "partial";
        /**
         * KpiSet
         * @description One BR-042/043 summary_metrics row.
         */
        KpiSet: {
            /**
             * Calculatedat
             * Format: date-time
             */
            calculatedAt: string;
            /**
             * Companyid
             * @description Null for the org-level row.
             */
            companyId: string | null;
            /** Rulesetversion */
            rulesetVersion: string;
            /** Totalactivities */
            totalActivities: number;
            /** Totalarrows */
            totalArrows: number;
            /** Totalassets */
            totalAssets: number;
            /** Totalcompanies */
            totalCompanies: number;
            /** Totalemployees */
            totalEmployees: number;
            /** Totalentities */
            totalEntities: number;
            /** Totalparties */
            totalParties: number;
            /** Totaltransactions */
            totalTransactions: number;
        };
        /** Liveness */
        Liveness: {
            /**
             * Status
             * @constant
             */
            status: "ok";
        };
        /** LoginRequest */
        LoginRequest: {
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /**
         * LoginResponse
         * @description Either the signed-in user (cookies set) or an MFA challenge (no cookies).
         */
        LoginResponse: {
            /** Mfarequired */
            mfaRequired: boolean;
            /** Mfatoken */
            mfaToken?: string | null;
            user?: components["schemas"]["SessionUser"] | null;
        };
        /** Me */
        Me: {
            /** Email */
            email: string;
            /** Emailverified */
            emailVerified: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfaenabled */
            mfaEnabled: boolean;
            /** Mfaenrollmentrequired */
            mfaEnrollmentRequired: boolean;
            /** Name */
            name: string;
            organization: components["schemas"]["MeOrganization"];
            /**
             * Organizationid
             * Format: uuid
             */
            organizationId: string;
            /**
             * Passwordchangerequired
             * @default false
             */
            passwordChangeRequired: boolean;
            preferences: components["schemas"]["Preferences"];
            /**
             * Role
             * @enum {string}
             */
            role: "super_admin" | "org_admin" | "org_member";
        };
        /** MeOrganization */
        MeOrganization: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfarequired */
            mfaRequired: boolean;
            /** Name */
            name: string;
            /** Status */
            status: string;
        };
        /** Message */
        Message: {
            /** Message */
            message: string;
        };
        /**
         * MeUpdate
         * @description api.md §3.1 PATCH /me: omitted fields stay as they are.
         */
        MeUpdate: {
            /** Name */
            name?: string;
            preferences?: components["schemas"]["PreferencesUpdate"];
        };
        /** MfaCodeRequest */
        MfaCodeRequest: {
            /** Code */
            code: string;
        };
        /** MfaDisableRequest */
        MfaDisableRequest: {
            /** Code */
            code: string;
            /** Password */
            password: string;
        };
        /** MfaSetupResponse */
        MfaSetupResponse: {
            /** Backupcodes */
            backupCodes: string[];
            /**
             * Qrcodeurl
             * @description otpauth:// URI for authenticator apps
             */
            qrCodeUrl: string;
            /** Secret */
            secret: string;
        };
        /** MfaStatus */
        MfaStatus: {
            /** Mfaenabled */
            mfaEnabled: boolean;
        };
        /** MfaVerifyRequest */
        MfaVerifyRequest: {
            /** Code */
            code: string;
            /**
             * Isbackupcode
             * @default false
             */
            isBackupCode: boolean;
            /** Mfatoken */
            mfaToken: string;
        };
        /** OpenLien */
        OpenLien: {
            /** Effectivedate */
            effectiveDate: string | null;
            /** Grantors */
            grantors: string[];
            /** Recorddate */
            recordDate: string | null;
            /** Rfid */
            rfId: string;
            /** Securedparty */
            securedParty: string;
        };
        /** OrgDetail */
        OrgDetail: {
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfarequired */
            mfaRequired: boolean;
            /** Name */
            name: string;
            /** Slug */
            slug: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "trial" | "suspended" | "cancelled";
            /** Usercount */
            userCount: number;
        };
        /** OrgPatch */
        OrgPatch: {
            /** Mfarequired */
            mfaRequired?: boolean | null;
            /** Name */
            name?: string | null;
        };
        /** Page[AuditItem] */
        Page_AuditItem_: {
            /** Data */
            data: components["schemas"]["AuditItem"][];
            /** Total */
            total: number;
            /**
             * Totalexact
             * @default true
             */
            totalExact: boolean;
        };
        /** Page[OrgDetail] */
        Page_OrgDetail_: {
            /** Data */
            data: components["schemas"]["OrgDetail"][];
            /** Total */
            total: number;
            /**
             * Totalexact
             * @default true
             */
            totalExact: boolean;
        };
        /** Page[UserItem] */
        Page_UserItem_: {
            /** Data */
            data: components["schemas"]["UserItem"][];
            /** Total */
            total: number;
            /**
             * Totalexact
             * @default true
             */
            totalExact: boolean;
        };
        /** Party */
        Party: {
            /** Country */
            country?: string | null;
            /** Executiondate */
            executionDate?: string | null;
            /** Name */
            name: string;
        };
        /**
         * PipelineRequested
         * @description 202: the rebuild is queued (or folded into the run in progress, D15).
         */
        PipelineRequested: {
            /** Jobid */
            jobId: string;
            /**
             * Status
             * @default queued
             * @constant
             */
            status: "queued";
        };
        /** PipelineRun */
        PipelineRun: {
            /** Attempts */
            attempts: number;
            /** Completedat */
            completedAt: string | null;
            /** Currentstep */
            currentStep: number;
            /** Errormessage */
            errorMessage: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Jobtype
             * @enum {string}
             */
            jobType: "full_rebuild" | "incremental" | "manual";
            /** Reason */
            reason: string | null;
            /** Rulesetversion */
            rulesetVersion: string;
            /** Startedat */
            startedAt: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "running" | "success" | "failed" | "partial";
            /** Steps */
            steps: components["schemas"]["PipelineStep"][];
        };
        /**
         * PipelineStatus
         * @description The org's latch (dirty = a run is pending) and its latest run with every step.
         */
        PipelineStatus: {
            /** Dirty */
            dirty: boolean;
            /** Lastsuccessat */
            lastSuccessAt: string | null;
            latestRun: components["schemas"]["PipelineRun"] | null;
            /** Running */
            running: boolean;
        };
        /** PipelineStep */
        PipelineStep: {
            /** Attempts */
            attempts: number;
            /** Completedat */
            completedAt: string | null;
            /** Errormessage */
            errorMessage: string | null;
            /** Metrics */
            metrics: {
                [key: string]: unknown;
            } | null;
            /**
             * Name
             * @enum {string}
             */
            name: "classify" | "flag" | "tree" | "timeline" | "broken_title" | "dashboard" | "summary" | "generate_json";
            /** Number */
            number: number;
            /** Recordsprocessed */
            recordsProcessed: number;
            /** Startedat */
            startedAt: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "running" | "success" | "failed" | "skipped";
        };
        /**
         * Preferences
         * @description The user's SPA settings as stored (api.md §3.1 GET /me).
         */
        Preferences: {
            /**
             * Darkmode
             * @description null follows the system setting
             */
            darkMode?: boolean | null;
            /** Savedselections */
            savedSelections?: {
                [key: string]: unknown;
            };
        };
        /**
         * PreferencesUpdate
         * @description api.md §3.1 PATCH /me: only the keys sent change; `savedSelections` is replaced
         *     whole (null clears it).
         */
        PreferencesUpdate: {
            /**
             * Darkmode
             * @description null follows the system setting
             */
            darkMode?: boolean | null;
            /**
             * Savedselections
             * @description At most 50 keys and 8192 bytes as JSON.
             */
            savedSelections?: {
                [key: string]: unknown;
            } | null;
        };
        /** QueueStatus */
        QueueStatus: {
            /** Depth */
            depth: number;
            /** Inprogress */
            inProgress: number;
            /** Queue */
            queue: string;
        };
        /** Readiness */
        Readiness: {
            checks: components["schemas"]["ReadinessChecks"];
            /**
             * Status
             * @enum {string}
             */
            status: "ready" | "not_ready";
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /** Version */
            version: string;
        };
        /** ReadinessChecks */
        ReadinessChecks: {
            /**
             * Database
             * @enum {string}
             */
            database: "ok" | "error";
            /**
             * Migrations
             * @enum {string}
             */
            migrations: "ok" | "error";
            /**
             * Redis
             * @enum {string}
             */
            redis: "ok" | "error";
        };
        /** RefreshResponse */
        RefreshResponse: {
            /**
             * Expiresat
             * Format: date-time
             */
            expiresAt: string;
        };
        /** RegisterRequest */
        RegisterRequest: {
            /** Email */
            email: string;
            /** Name */
            name: string;
            /** Organizationname */
            organizationName?: string | null;
            /** Password */
            password: string;
        };
        /** RegisterResponse */
        RegisterResponse: {
            /** Message */
            message: string;
            /**
             * Verificationrequired
             * @default true
             */
            verificationRequired: boolean;
        };
        /** ResetPasswordRequest */
        ResetPasswordRequest: {
            /** Password */
            password: string;
            /** Token */
            token: string;
        };
        /** SessionUser */
        SessionUser: {
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfaenabled */
            mfaEnabled: boolean;
            /** Name */
            name: string;
            /**
             * Organizationid
             * Format: uuid
             */
            organizationId: string;
            /**
             * Passwordchangerequired
             * @default false
             */
            passwordChangeRequired: boolean;
            /**
             * Role
             * @enum {string}
             */
            role: "super_admin" | "org_admin" | "org_member";
        };
        /**
         * SortOrder
         * @enum {string}
         */
        SortOrder: "asc" | "desc";
        /** SourceStatus */
        SourceStatus: {
            /** Ageseconds */
            ageSeconds: number | null;
            /** Lasterror */
            lastError: string | null;
            /** Lastfailureat */
            lastFailureAt: string | null;
            /** Lastjobid */
            lastJobId: string | null;
            /** Lastrecordsprocessed */
            lastRecordsProcessed: number | null;
            /** Lastrunat */
            lastRunAt: string | null;
            /** Laststatus */
            lastStatus: string | null;
            /** Lastsuccessat */
            lastSuccessAt: string | null;
            /** Name */
            name: string;
            /** Nextrunat */
            nextRunAt: string | null;
            /** Paused */
            paused: boolean;
            /** Schedule */
            schedule: string | null;
            /** Scheduletype */
            scheduleType: string;
            /** Staleafterseconds */
            staleAfterSeconds: number | null;
            staleness: components["schemas"]["Staleness"] | null;
            /** Task */
            task: string | null;
        };
        /**
         * Staleness
         * @description domain/ops/freshness.py: warning once the age passes 75% of the stale threshold.
         * @enum {string}
         */
        Staleness: "fresh" | "warning" | "stale";
        /** Success */
        Success: {
            /**
             * Success
             * @default true
             */
            success: boolean;
        };
        /**
         * SummaryScope
         * @description `organization`: the org-level row (no companyId); `companies`: one row per company.
         * @enum {string}
         */
        SummaryScope: "organization" | "companies";
        /** TimelineEntry */
        TimelineEntry: {
            /** Assetcount */
            assetCount: number;
            /**
             * Assignmentid
             * Format: uuid
             */
            assignmentId: string;
            /** Canonicalname */
            canonicalName: string;
            /** Category */
            category: string;
            /** Color */
            color: string;
            /**
             * Companyid
             * Format: uuid
             */
            companyId: string;
            /** Conveyancetext */
            conveyanceText: string | null;
            /** Conveyancetype */
            conveyanceType: string;
            /** Executiondate */
            executionDate: string | null;
            /** Frame */
            frame: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Isemployerassignment */
            isEmployerAssignment: boolean;
            /** Originalname */
            originalName: string;
            /** Recorddate */
            recordDate: string | null;
            /** Reel */
            reel: string;
            /** Rfid */
            rfId: string;
            /** Role */
            role: string;
            /** Sequence */
            sequence: number;
        };
        /**
         * TimelineRole
         * @description The counterparty's side of the conveyance; `all` means not filtered (api.md §1.5).
         * @enum {string}
         */
        TimelineRole: "assignor" | "assignee" | "all";
        /** TitleBreak */
        TitleBreak: {
            /** Missinglinkfrom */
            missingLinkFrom: string | null;
            /** Missinglinkto */
            missingLinkTo: string | null;
            /** Rfid */
            rfId: string | null;
            /**
             * Seq
             * @description 1-based P5 position of the conveyance after the gap.
             */
            seq: number | null;
        };
        /**
         * TitleStatusFilter
         * @description The D2 chain status of the asset; `all` means not filtered (api.md §1.5).
         * @enum {string}
         */
        TitleStatusFilter: "complete" | "encumbered" | "broken" | "all";
        /** TitleVerdict */
        TitleVerdict: {
            breakPoint: components["schemas"]["BreakPoint"] | null;
            /** Reasons */
            reasons: string[];
            /** Status */
            status: string;
        };
        /** TokenRequest */
        TokenRequest: {
            /** Token */
            token: string;
        };
        /** TreeNode */
        TreeNode: {
            /** Assetcount */
            assetCount: number;
            /** Color */
            color: string;
            /**
             * Companyid
             * Format: uuid
             */
            companyId: string;
            /** Entitykey */
            entityKey: string | null;
            /** Entityname */
            entityName: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Lastactivitydate */
            lastActivityDate: string | null;
            /** Rfids */
            rfIds: string[];
            /** Tab */
            tab: number;
            /** Treetype */
            treeType: number;
        };
        /** TreeTab */
        TreeTab: {
            /** Nodes */
            nodes: components["schemas"]["TreeNode"][];
            /**
             * Tab
             * @description 0 employee · 1 purchase/sale/merger · 2 security/release · 3 administrative
             */
            tab: number;
        };
        /** UserItem */
        UserItem: {
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Lastloginat */
            lastLoginAt: string | null;
            /** Mfaenabled */
            mfaEnabled: boolean;
            /** Name */
            name: string;
            /**
             * Role
             * @enum {string}
             */
            role: "super_admin" | "org_admin" | "org_member";
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "invited" | "locked" | "inactive";
        };
        /** UserPatch */
        UserPatch: {
            /**
             * Role
             * @enum {string}
             */
            role: "org_admin" | "org_member";
        };
        /** ValidatedNumber */
        ValidatedNumber: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /** Assetid */
            assetId: string | null;
            /**
             * Found
             * @description Among the organization's assets.
             */
            found: boolean;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Inpatents
             * @description Known to the shared patents table.
             */
            inPatents: boolean;
            /** Input */
            input: string;
            /**
             * Valid
             * @description Whether the text normalises to a US number at all.
             */
            valid: boolean;
        };
        /** ValidateRequest */
        ValidateRequest: {
            /**
             * Patentnumbers
             * @description Patent or application numbers, any usual spelling (≤100, api.md §1.8).
             */
            patentNumbers: string[];
        };
        /** ValidateResult */
        ValidateResult: {
            /** Data */
            data: components["schemas"]["ValidatedNumber"][];
            /** Totalfound */
            totalFound: number;
            /** Totalnotfound */
            totalNotFound: number;
        };
        /** VerifiedResponse */
        VerifiedResponse: {
            /**
             * Verified
             * @default true
             */
            verified: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    audit_list_all: {
        parameters: {
            query?: {
                action?: string | null;
                limit?: number;
                offset?: number;
                organizationId?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditItem_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_list_ingestion_jobs: {
        parameters: {
            query?: {
                cursor?: string | null;
                dateFrom?: string | null;
                dateTo?: string | null;
                limit?: number;
                source?: string | null;
                status?: "all" | "pending" | "running" | "success" | "failed" | "partial";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CursorPage_JobItem_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_get_ingestion_job: {
        parameters: {
            query?: {
                errorsLimit?: number;
                errorsOffset?: number;
            };
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobDetail_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job or data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_retry_ingestion_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobQueued_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job or data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `job_not_failed`, `job_not_retryable` or `source_paused`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_list_ingestion_queues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_QueueStatus__"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_list_ingestion_sources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_SourceStatus__"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_pause_ingestion_source: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SourceStatus_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job or data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_resume_ingestion_source: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SourceStatus_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job or data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_trigger_ingestion_source: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobQueued_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a super admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job or data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `job_running` (with `details.jobId`) or `source_paused`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_list_organizations: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                search?: string | null;
                status?: "all" | "active" | "trial" | "suspended" | "cancelled" | "inactive";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_OrgDetail_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_create_organization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminOrgCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrgCreated"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_get_organization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrgDetail"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    admin_update_organization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminOrgPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrgDetail"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    assets_list: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                conveyanceType?: components["schemas"]["ConveyanceType"] | null;
                cursor?: string | null;
                dateFrom?: string | null;
                dateTo?: string | null;
                hasOpenLiens?: boolean | null;
                limit?: number;
                order?: components["schemas"]["SortOrder"];
                search?: string | null;
                sort?: components["schemas"]["AssetSort"];
                status?: components["schemas"]["TitleStatusFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CursorPage_AssetListItem_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    assets_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_AssetDetail_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such asset in the caller's org. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    assets_assignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_Conveyance__"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such asset in the caller's org. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    assets_diagram: {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string | null;
            };
            path: {
                asset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_dict_str__Any__"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such asset in the caller's org. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    assets_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateResult"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_accept_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInviteRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_change_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_forgot_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_mfa_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaCodeRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaStatus"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_mfa_disable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaDisableRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaStatus"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_mfa_setup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaSetupResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_mfa_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_resend_verification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_reset_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    auth_verify_email: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    companies_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_CompanyOut__"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    companies_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CompanyOut_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    companies_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    dashboards_broken_titles: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                cursor?: string | null;
                limit?: number;
                order?: components["schemas"]["SortOrder"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CursorPage_BrokenTitle_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    dashboards_summary: {
        parameters: {
            query?: {
                companyId?: string[] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_DashboardSummary_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    dashboards_timeline: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                cursor?: string | null;
                dateFrom?: string | null;
                dateTo?: string | null;
                limit?: number;
                order?: components["schemas"]["SortOrder"];
                role?: components["schemas"]["TimelineRole"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CursorPage_TimelineEntry_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    dashboards_trees: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                tab?: number | null;
                treeType?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_TreeTab__"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    events_stream: {
        parameters: {
            query?: {
                lastEventId?: number | null;
            };
            header?: {
                "Last-Event-ID"?: number | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Already 2 open streams for this user. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    me_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    organizations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgDetail"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    organizations_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgDetail"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    audit_list_org: {
        parameters: {
            query?: {
                action?: string | null;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditItem_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pipeline_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PipelineStatus_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pipeline_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PipelineRequested_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    users_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_UserItem_"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    users_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteResponse"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    users_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    users_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserItem"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    users_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            /** @description Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Request body larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected error (only the request id is returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}

export const CONTRACT_OPERATIONS: readonly string[] = [
    "DELETE /api/v1/companies/{company_id}",
    "DELETE /api/v1/organizations/{org_id}/users/{user_id}",
    "GET /api/v1/admin/audit-log",
    "GET /api/v1/admin/ingestion/jobs",
    "GET /api/v1/admin/ingestion/jobs/{job_id}",
    "GET /api/v1/admin/ingestion/queues",
    "GET /api/v1/admin/ingestion/sources",
    "GET /api/v1/admin/organizations",
    "GET /api/v1/admin/organizations/{org_id}",
    "GET /api/v1/assets",
    "GET /api/v1/assets/{asset_id}",
    "GET /api/v1/assets/{asset_id}/assignments",
    "GET /api/v1/assets/{asset_id}/diagram",
    "GET /api/v1/companies",
    "GET /api/v1/dashboards/broken-titles",
    "GET /api/v1/dashboards/summary",
    "GET /api/v1/dashboards/timeline",
    "GET /api/v1/dashboards/trees",
    "GET /api/v1/events/stream",
    "GET /api/v1/health/live",
    "GET /api/v1/health/ready",
    "GET /api/v1/me",
    "GET /api/v1/organizations/{org_id}",
    "GET /api/v1/organizations/{org_id}/audit-log",
    "GET /api/v1/organizations/{org_id}/pipeline",
    "GET /api/v1/organizations/{org_id}/users",
    "PATCH /api/v1/admin/organizations/{org_id}",
    "PATCH /api/v1/me",
    "PATCH /api/v1/organizations/{org_id}",
    "PATCH /api/v1/organizations/{org_id}/users/{user_id}",
    "POST /api/v1/admin/ingestion/jobs/{job_id}/retry",
    "POST /api/v1/admin/ingestion/sources/{name}/pause",
    "POST /api/v1/admin/ingestion/sources/{name}/resume",
    "POST /api/v1/admin/ingestion/sources/{name}/trigger",
    "POST /api/v1/admin/organizations",
    "POST /api/v1/assets/validate",
    "POST /api/v1/auth/accept-invite",
    "POST /api/v1/auth/change-password",
    "POST /api/v1/auth/forgot-password",
    "POST /api/v1/auth/login",
    "POST /api/v1/auth/logout",
    "POST /api/v1/auth/mfa/confirm",
    "POST /api/v1/auth/mfa/disable",
    "POST /api/v1/auth/mfa/setup",
    "POST /api/v1/auth/mfa/verify",
    "POST /api/v1/auth/refresh",
    "POST /api/v1/auth/register",
    "POST /api/v1/auth/resend-verification",
    "POST /api/v1/auth/reset-password",
    "POST /api/v1/auth/verify-email",
    "POST /api/v1/companies",
    "POST /api/v1/organizations/{org_id}/pipeline",
    "POST /api/v1/organizations/{org_id}/users",
    "POST /api/v1/organizations/{org_id}/users/{user_id}/unlock"
];
