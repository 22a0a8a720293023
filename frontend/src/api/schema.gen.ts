/**
 * GENERATED from ../openapi.json by `npm run generate:api` — do not edit by hand.
 * `npm run check:api` (part of `npm test`) fails when this file drifts from the contract.
 */

export type paths = {
    "/api/v1/admin/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Alerts
         * @description Recorded operations alerts, most recently opened first; `status` filters.
         */
        get: operations["admin_list_alerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/api/v1/admin/fix-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fix Items
         * @description Queue the org's pipeline from the step that recomputes `fixType` (§3.5 #51); the
         *     named targets (rf_ids, entity or asset ids; omitted = all) are counted and recorded
         *     in the run's trigger. 409 `job_running` while the org's run is queued or running.
         */
        post: operations["admin_fix_items"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/freshness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ingestion Freshness
         * @description Currency of every source: last data date, last successful load, age in days.
         */
        get: operations["admin_get_ingestion_freshness"];
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
    "/api/v1/admin/ingestion/queue-controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Queue Controls
         * @description Whether each pausable queue is paused, since when and why (frontend.md §3.11: a
         *     paused queue shows a banner across admin, also after a reload).
         */
        get: operations["admin_list_queue_controls"];
        put?: never;
        post?: never;
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
    "/api/v1/admin/ingestion/queues/{queue_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Control Queue
         * @description Pause or resume a class of jobs (worker/queue_pause.py): workers hold its jobs in
         *     the queue (no retry spent) until it is resumed; cron firings wait the same way.
         *     Publishes `queue-paused` / `queue-resumed` on the admin stream (§4).
         */
        patch: operations["admin_control_ingestion_queue"];
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
    "/api/v1/admin/ingestion/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ingestion Status
         * @description Per-source health (last success/failure, next run, healthy|stale|failing), the jobs
         *     running now, failures in the last 24 h and the Arq queue's depth (§3.5 #52).
         */
        get: operations["admin_get_ingestion_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ingestion progress stream (SSE)
         * @description `connected`, then `ingestion-progress` (jobId, ingestionJobId, source, step, progress %, recordsProcessed, recordsPerSecond, bytesRead, currentFile), `ingestion-complete`, `ingestion-failed`, `queue-paused` and `queue-resumed`, each with `id:` = its Redis stream entry id. `jobId` / `source` narrow the ingestion events (queue events always pass). `Last-Event-ID` (or `lastEventId`) replays what followed that id; `resync` means part of it was trimmed. `: ping` every 15 s; `session-expired` at expiry.
         */
        get: operations["admin_ingestion_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ingestion/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trigger
         * @description Queue a source now (§3.5 +): its scheduled run, or the files of dateFrom..dateTo
         *     (assignments: one job per day; weekly/monthly sources: the file of dateFrom). A queue
         *     paused with PATCH /queues/ingestion holds the jobs until it is resumed.
         */
        post: operations["admin_trigger_ingestion"];
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
    "/api/v1/admin/organizations/{org_id}/pipeline/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Runs
         * @description The org's pipeline runs, newest first, keyset-paged by (createdAt, id) (§1.4).
         */
        get: operations["admin_list_pipeline_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{org_id}/pipeline/runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Run
         * @description One run with every step: timings, row counts, attempts and errors.
         */
        get: operations["admin_get_pipeline_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{org_id}/pipeline/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One organization's pipeline progress (SSE)
         * @description `connected`, then the org's pipeline events (`run.started`, `step.started`, `step.finished`, `step.failed`, `run.finished`, ...) with `id:` = the event id. `Last-Event-ID` replays the stored events after it, or sends `resync` when they were trimmed. Super admins for any org, org admins for their own (others: 404).
         */
        get: operations["admin_pipeline_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{org_id}/rebuild-pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild Pipeline
         * @description Queue the org's pipeline from `startFromStep` (default classify) (§3.5 #49).
         */
        post: operations["admin_rebuild_pipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{org_id}/rebuild-tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild Tree
         * @description Queue a rebuild of the org's ownership trees (a pipeline run from `tree`, §3.5 #48).
         */
        post: operations["admin_rebuild_tree"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Transactions
         * @description Every tenant's classified conveyances, newest record date first (§3.5 #50); the
         *     date range bounds the record date, both ends inclusive (§1.1).
         */
        get: operations["admin_list_transactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-digest/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Subscribers
         * @description The organization's digest subscribers, newest first (org admins, D5).
         */
        get: operations["alert_digest_subscribers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
    "/api/v1/assets/{asset_id}/cpc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Cpc
         * @description The asset's CPC codes with every ancestor (section → subgroup), by code.
         */
        get: operations["assets_cpc"];
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
         * @description D16: the diagram payload exactly as generate_json stored it.
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
    "/api/v1/assets/{asset_id}/family": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Family
         * @description The EPO family members (ingestion.md §2.7) of the asset, by family and date.
         */
        get: operations["assets_family"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{asset_id}/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Maintenance
         * @description Fee events of the asset's grant (api.md #17) and its D2 fee status; an asset
         *     without a grant (an application) has neither.
         */
        get: operations["assets_maintenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Assets
         * @description Assets matching `q` in the chosen fields (default title, number, assignee), best
         *     first; `matchField` is the field that scored highest.
         */
        get: operations["assets_search"];
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
    "/api/v1/dashboards/cpc-wordcloud": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Cpc Wordcloud
         * @description Assets per CPC section/class/subclass (default subclass) with a 0-1 weight
         *     relative to the largest; `year` narrows to one application year.
         */
        get: operations["dashboards_cpc_wordcloud"];
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
    "/api/v1/dashboards/trees/{tree_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Tree
         * @description One ownership tree node (BR-024..031) with its assets and conveyance summary.
         */
        get: operations["dashboards_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Events
         * @description Conveyances on the org's assets, fee events of its grants and its pipeline runs,
         *     by date (inclusive range); pipeline runs are org-wide and ignore companyId.
         */
        get: operations["events_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Recent Assignments
         * @description Conveyances recorded on the org's assets in the last `days` days, newest first.
         *
         *     api.md §5.2: cached 5 min under `org:{orgId}:recent-assignments:{days}` — a hash whose
         *     fields are the page variants (companies, limit, cursor), expiring together.
         */
        get: operations["events_assignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Maintenance Events
         * @description D2: the fee events of the org's grants with window, status and the window's due
         *     date, by event date.
         */
        get: operations["events_maintenance"];
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
         *
         *     Data events (api.md §4; `data:` schemas below):
         *     - `new-assignments` (SseNewAssignments): an ingestion load committed `count` new or changed conveyances on the org's assets; `refreshNeeded` is always true.
         *     - `dashboard-refresh` (SseDashboardRefresh): derived data was recomputed; a pipeline run sends one with `dataType: summary`, meaning all data types.
         *     - `pipeline-complete` (SsePipelineComplete): a run ended, `status` completed|failed, `duration` in ms, `trigger` ingestion|companies|follow-up|manual|other; sent after `run.finished` / `run.failed` (and after `dashboard-refresh`).
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
    "/api/v1/exports/assets.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Assets
         * @description The org's assets (the `/assets` filters), by application number.
         */
        get: operations["exports_assets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/broken-titles.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Broken Titles
         * @description BR-032..036 broken titles (the `/dashboards/broken-titles` filter).
         */
        get: operations["exports_broken_titles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/open-liens.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Open Liens
         * @description D2 open liens: security interests without a matching release, per asset and lender.
         */
        get: operations["exports_open_liens"];
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
    "/api/v1/me/alert-digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Alert Digest
         * @description Whether you receive the daily digest of ownership-change alerts.
         */
        get: operations["alert_digest_get"];
        /**
         * Put Alert Digest
         * @description Subscribe yourself to (or unsubscribe from) the daily e-mail digest. Saving again
         *     keeps your last-sent watermark, so nothing already mailed is mailed twice.
         */
        put: operations["alert_digest_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
    "/api/v1/organizations/{org_id}/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Companies
         * @description The org's live companies by name, with asset counts and their entity.
         */
        get: operations["org_companies_list"];
        put?: never;
        /**
         * Create Company
         * @description Add a monitored company; queues its enrichment and a pipeline run (R26).
         */
        post: operations["org_companies_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/companies/{company_id}": {
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
         * @description Soft delete (as `/companies` does), then a pipeline re-run (R26); a deleted or
         *     unknown company, or another org's, is 404 (api.md §1.10).
         */
        delete: operations["org_companies_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Entities
         * @description Entity groups by canonical name; `search` matches the canonical name or any alias.
         */
        get: operations["entities_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/entities/{entity_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Entity
         * @description One entity: its spellings with occurrence counts and edit distance, and the org's
         *     assets it appears on (as assignee, assignor or both).
         */
        get: operations["entities_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org_id}/entities/normalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Normalize
         * @description Re-run name normalization (api.md #37, D5: admins): the org's pipeline is queued
         *     through worker.pipeline.triggers; its flag step regroups every name (BR-018..020)
         *     and the steps after it rebuild on the new groups. One pending run per org (§1.6:
         *     409 `job_running`, not 429). `dryRun` queues nothing and reports the current grouping.
         *
         *     `threshold` is recorded in the run's reason; the grouping itself applies the
         *     BR-019 length-based edit-distance bound (domain.titles.blocking.threshold).
         */
        post: operations["entities_normalize"];
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
    "/api/v1/shared/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entry
         * @description §2.7 entry: unknown/revoked → 404, expired → 410 `share_expired`, out of uses →
         *     410 `share_exhausted`; every attempt on a known link is logged (BR-047); only a
         *     visitor without a valid token for this link burns a use and gets a token.
         */
        get: operations["shared_entry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared/{code}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shared Assets
         * @description §3.6 #61: the shared assets by application number (needs `assetList`).
         */
        get: operations["shared_assets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared/{code}/assets/{asset_id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shared Connection
         * @description §3.6 #63 / R25: one conveyance of the shared asset (needs `connections`).
         */
        get: operations["shared_connections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared/{code}/assets/{asset_id}/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shared Diagram
         * @description §3.6 #62: the asset's stored diagram payload, as `/assets/{id}/diagram` (D16).
         */
        get: operations["shared_diagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Shares
         * @description The org's live links, newest first (a member sees the links they created, D5).
         */
        get: operations["shares_list"];
        put?: never;
        /**
         * Create Share
         * @description Create a link to 1-100 of the org's assets (D5: members and admins; D11 expiry).
         */
        post: operations["shares_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shares/{share_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Share */
        get: operations["shares_get"];
        put?: never;
        post?: never;
        /**
         * Revoke Share
         * @description Immediate revocation: soft delete and cache purge; the viewer's next call is 404.
         */
        delete: operations["shares_revoke"];
        options?: never;
        head?: never;
        /**
         * Update Share
         * @description Change any create field; a new `expiresIn` restarts the expiry from now (§2.7).
         */
        patch: operations["shares_update"];
        trace?: never;
    };
    "/api/v1/shares/{share_id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Access Log
         * @description BR-047: every visit of the link, newest first.
         */
        get: operations["shares_access_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Webhooks
         * @description The organization's webhooks, newest first (never their secrets).
         */
        get: operations["webhooks_list"];
        put?: never;
        /**
         * Create Webhook
         * @description Register a webhook; the response carries its signing secret, shown only this once.
         */
        post: operations["webhooks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Webhook
         * @description One webhook (without its secret).
         */
        get: operations["webhooks_get"];
        put?: never;
        post?: never;
        /**
         * Delete Webhook
         * @description Remove a webhook and its delivery history; nothing more is sent to it.
         */
        delete: operations["webhooks_delete"];
        options?: never;
        head?: never;
        /**
         * Update Webhook
         * @description Change the URL, event types, format, description or active flag.
         */
        patch: operations["webhooks_update"];
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Deliveries
         * @description A webhook's deliveries newest first, each with every attempt it took.
         */
        get: operations["webhooks_list_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay Delivery
         * @description Send a finished delivery again (same event and delivery id, a new signature and a
         *     fresh attempt budget); its earlier attempts stay in the log.
         */
        post: operations["webhooks_replay_delivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Webhook
         * @description Queue a signed `ping` event to the webhook (even if inactive it is recorded, not
         *     sent); follow it in the deliveries list.
         */
        post: operations["webhooks_test"];
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
        /** AccessLogItem */
        AccessLogItem: {
            /**
             * Accessedat
             * Format: date-time
             */
            accessedAt: string;
            /** Ipaddress */
            ipAddress: string | null;
            /**
             * Outcome
             * @description BR-047: ok, expired, exhausted or revoked
             */
            outcome: string;
            /** Useragent */
            userAgent: string | null;
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
            /** Assetcount */
            assetCount?: number | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Entitycount */
            entityCount?: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfarequired */
            mfaRequired: boolean;
            /** Name */
            name: string;
            settings?: components["schemas"]["OrgSettings"] | null;
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
        /** AlertDigestOut */
        AlertDigestOut: {
            /** Enabled */
            enabled: boolean;
            frequency: components["schemas"]["DigestFrequency"];
            /** Lastsentat */
            lastSentAt?: string | null;
            /** Subscribedat */
            subscribedAt?: string | null;
        };
        /**
         * AlertDigestUpdate
         * @description Subscribe (`enabled: true`) or unsubscribe yourself.
         */
        AlertDigestUpdate: {
            /** Enabled */
            enabled: boolean;
            /** @default daily */
            frequency: components["schemas"]["DigestFrequency"];
        };
        /**
         * EventType
         * @enum {string}
         */
        api__schemas__events__EventType: "assignment" | "maintenance" | "pipeline" | "all";
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
        /** CpcCloud */
        CpcCloud: {
            /** Data */
            data: components["schemas"]["CpcCloudItem"][];
            level: components["schemas"]["CpcCloudLevel"];
            /** Totalassets */
            totalAssets: number;
            /** Year */
            year: number | null;
        };
        /** CpcCloudItem */
        CpcCloudItem: {
            /** Code */
            code: string;
            /** Count */
            count: number;
            /** Description */
            description: string | null;
            /** Weight */
            weight: number;
        };
        /**
         * CpcCloudLevel
         * @enum {string}
         */
        CpcCloudLevel: "section" | "class" | "subclass";
        /** CpcList */
        CpcList: {
            /** Data */
            data: components["schemas"]["CpcNode"][];
            /** Totalassigned */
            totalAssigned: number;
        };
        /** CpcNode */
        CpcNode: {
            /**
             * Assigned
             * @description Classified on this asset (else an ancestor).
             */
            assigned: boolean;
            /** Code */
            code: string;
            /**
             * Description
             * @description Null when the CPC scheme is not loaded.
             */
            description: string | null;
            /** Isinventive */
            isInventive?: boolean | null;
            /** Ismain */
            isMain?: boolean | null;
            /**
             * Level
             * @enum {string}
             */
            level: "section" | "class" | "subclass" | "main_group" | "subgroup";
            /** Parentcode */
            parentCode: string | null;
        };
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
        /** CursorPage[AccessLogItem] */
        CursorPage_AccessLogItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["AccessLogItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
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
        /** CursorPage[DeliveryOut] */
        CursorPage_DeliveryOut_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["DeliveryOut"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[DigestSubscriberOut] */
        CursorPage_DigestSubscriberOut_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["DigestSubscriberOut"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[EntityItem] */
        CursorPage_EntityItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["EntityItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[EventItem] */
        CursorPage_EventItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["EventItem"][];
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
        /** CursorPage[MaintenanceEvent] */
        CursorPage_MaintenanceEvent_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["MaintenanceEvent"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[OpsAlertOut] */
        CursorPage_OpsAlertOut_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["OpsAlertOut"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[OrgCompanyItem] */
        CursorPage_OrgCompanyItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["OrgCompanyItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[RecentAssignment] */
        CursorPage_RecentAssignment_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["RecentAssignment"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[RunItem] */
        CursorPage_RunItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["RunItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[SearchHit] */
        CursorPage_SearchHit_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["SearchHit"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[SharedAsset] */
        CursorPage_SharedAsset_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["SharedAsset"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[ShareListItem] */
        CursorPage_ShareListItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["ShareListItem"][];
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
        /** CursorPage[TransactionItem] */
        CursorPage_TransactionItem_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["TransactionItem"][];
            /** Total */
            total: number;
            /**
             * Totalisapproximate
             * @default false
             */
            totalIsApproximate: boolean;
        };
        /** CursorPage[WebhookOut] */
        CursorPage_WebhookOut_: {
            cursor: components["schemas"]["CursorInfo"];
            /** Data */
            data: components["schemas"]["WebhookOut"][];
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
        /** DateRange */
        DateRange: {
            /** Earliest */
            earliest: string | null;
            /** Latest */
            latest: string | null;
        };
        /** DeliveryAttempt */
        DeliveryAttempt: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Attempt */
            attempt: number;
            /** Durationms */
            durationMs?: number | null;
            /** Error */
            error?: string | null;
            /** Statuscode */
            statusCode?: number | null;
        };
        /** DeliveryOut */
        DeliveryOut: {
            /** Attemptlog */
            attemptLog: components["schemas"]["DeliveryAttempt"][];
            /** Attempts */
            attempts: number;
            /** Completedat */
            completedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /**
             * Eventid
             * Format: uuid
             */
            eventId: string;
            /** Eventtype */
            eventType: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Lasterror */
            lastError: string | null;
            /** Laststatuscode */
            lastStatusCode: number | null;
            /** Nextattemptat */
            nextAttemptAt: string | null;
            /** Payload */
            payload: {
                [key: string]: unknown;
            };
            status: components["schemas"]["DeliveryStatus"];
            /**
             * Updatedat
             * Format: date-time
             */
            updatedAt: string;
            /**
             * Webhookid
             * Format: uuid
             */
            webhookId: string;
        };
        /**
         * DeliveryStatus
         * @enum {string}
         */
        DeliveryStatus: "pending" | "succeeded" | "failed";
        /**
         * DigestFrequency
         * @enum {string}
         */
        DigestFrequency: "daily";
        /** DigestSubscriberOut */
        DigestSubscriberOut: {
            /** Email */
            email: string;
            frequency: components["schemas"]["DigestFrequency"];
            /** Lastsentat */
            lastSentAt: string | null;
            /** Name */
            name: string;
            /**
             * Subscribedat
             * Format: date-time
             */
            subscribedAt: string;
            /**
             * Userid
             * Format: uuid
             */
            userId: string;
        };
        /**
         * EventType
         * @enum {string}
         */
        domain__alerts__events__EventType: "new_conveyance" | "new_lien" | "lien_released" | "title_broken" | "pipeline_finished";
        /** EmailRequest */
        EmailRequest: {
            /** Email */
            email: string;
        };
        /** EntityAlias */
        EntityAlias: {
            /**
             * Levenshteindistance
             * @description Edit distance to the canonical name.
             */
            levenshteinDistance: number;
            /** Name */
            name: string;
            /** Occurrencecount */
            occurrenceCount: number;
        };
        /** EntityAsset */
        EntityAsset: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Relationship
             * @enum {string}
             */
            relationship: "assignee" | "assignor" | "both";
            /** Title */
            title: string | null;
        };
        /** EntityDetailOut */
        EntityDetailOut: {
            /** Aliases */
            aliases: components["schemas"]["EntityAlias"][];
            /** Assets */
            assets: components["schemas"]["EntityAsset"][];
            /** Canonicalname */
            canonicalName: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Totalassets */
            totalAssets: number;
        };
        /** EntityItem */
        EntityItem: {
            /** Aliascount */
            aliasCount: number;
            /** Assetcount */
            assetCount: number;
            /** Canonicalname */
            canonicalName: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Lastactivitydate */
            lastActivityDate: string | null;
            /** Representativeid */
            representativeId: string | null;
        };
        /** Envelope[AlertDigestOut] */
        Envelope_AlertDigestOut_: {
            data: components["schemas"]["AlertDigestOut"];
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
        /** Envelope[DeliveryOut] */
        Envelope_DeliveryOut_: {
            data: components["schemas"]["DeliveryOut"];
        };
        /** Envelope[dict[str, Any]] */
        Envelope_dict_str__Any__: {
            /** Data */
            data: {
                [key: string]: unknown;
            };
        };
        /** Envelope[EntityDetailOut] */
        Envelope_EntityDetailOut_: {
            data: components["schemas"]["EntityDetailOut"];
        };
        /** Envelope[FixItemsQueued] */
        Envelope_FixItemsQueued_: {
            data: components["schemas"]["FixItemsQueued"];
        };
        /** Envelope[IngestionStatus] */
        Envelope_IngestionStatus_: {
            data: components["schemas"]["IngestionStatus"];
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
        /** Envelope[list[QueueControl]] */
        Envelope_list_QueueControl__: {
            /** Data */
            data: components["schemas"]["QueueControl"][];
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
        /** Envelope[NormalizeQueued] */
        Envelope_NormalizeQueued_: {
            data: components["schemas"]["NormalizeQueued"];
        };
        /** Envelope[OrgCompanyCreated] */
        Envelope_OrgCompanyCreated_: {
            data: components["schemas"]["OrgCompanyCreated"];
        };
        /** Envelope[PipelineRequested] */
        Envelope_PipelineRequested_: {
            data: components["schemas"]["PipelineRequested"];
        };
        /** Envelope[PipelineStatus] */
        Envelope_PipelineStatus_: {
            data: components["schemas"]["PipelineStatus"];
        };
        /** Envelope[QueueControl] */
        Envelope_QueueControl_: {
            data: components["schemas"]["QueueControl"];
        };
        /** Envelope[RebuildPipelineQueued] */
        Envelope_RebuildPipelineQueued_: {
            data: components["schemas"]["RebuildPipelineQueued"];
        };
        /** Envelope[RebuildQueued] */
        Envelope_RebuildQueued_: {
            data: components["schemas"]["RebuildQueued"];
        };
        /** Envelope[RunDetail] */
        Envelope_RunDetail_: {
            data: components["schemas"]["RunDetail"];
        };
        /** Envelope[SharedConnection] */
        Envelope_SharedConnection_: {
            data: components["schemas"]["SharedConnection"];
        };
        /** Envelope[SharedEntry] */
        Envelope_SharedEntry_: {
            data: components["schemas"]["SharedEntry"];
        };
        /** Envelope[ShareItem] */
        Envelope_ShareItem_: {
            data: components["schemas"]["ShareItem"];
        };
        /** Envelope[SourceStatus] */
        Envelope_SourceStatus_: {
            data: components["schemas"]["SourceStatus"];
        };
        /** Envelope[TreeDetail] */
        Envelope_TreeDetail_: {
            data: components["schemas"]["TreeDetail"];
        };
        /** Envelope[TriggerQueued] */
        Envelope_TriggerQueued_: {
            data: components["schemas"]["TriggerQueued"];
        };
        /** Envelope[WebhookCreated] */
        Envelope_WebhookCreated_: {
            data: components["schemas"]["WebhookCreated"];
        };
        /** Envelope[WebhookOut] */
        Envelope_WebhookOut_: {
            data: components["schemas"]["WebhookOut"];
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
        /** EventItem */
        EventItem: {
            /** Assetid */
            assetId: string | null;
            /** Date */
            date: string | null;
            /** Description */
            description: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Metadata */
            metadata: {
                [key: string]: unknown;
            };
            /** Title */
            title: string;
            type: components["schemas"]["api__schemas__events__EventType"];
        };
        /**
         * ExpiresIn
         * @description D11 / R13: the expiry presets; no "never", at most 90 days.
         * @enum {string}
         */
        ExpiresIn: "1h" | "24h" | "7d" | "30d" | "90d";
        /**
         * FamilyList
         * @description api.md §1.2 bounded list plus named aggregates.
         */
        FamilyList: {
            /** Countries */
            countries: string[];
            /** Data */
            data: components["schemas"]["FamilyMember"][];
            /** Familyids */
            familyIds: string[];
            /** Totalmembers */
            totalMembers: number;
        };
        /** FamilyMember */
        FamilyMember: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /**
             * Country
             * @description ISO-2 country of the publication.
             */
            country: string | null;
            /**
             * Familyid
             * @description EPO DOCDB simple family id.
             */
            familyId: string;
            /** Filingdate */
            filingDate: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Isrepresentative */
            isRepresentative: boolean;
            /** Kind */
            kind: string | null;
            /** Publicationdate */
            publicationDate: string | null;
            /** Publicationnumber */
            publicationNumber: string;
            /**
             * Title
             * @description Known only for members in the patents table.
             */
            title: string | null;
        };
        /** FeeEvent */
        FeeEvent: {
            /** Description */
            description: string | null;
            /** Entitystatus */
            entityStatus: string | null;
            /** Eventcode */
            eventCode: string;
            /**
             * Eventdate
             * Format: date
             */
            eventDate: string;
            /** Feewindow */
            feeWindow: ("3.5_year" | "7.5_year" | "11.5_year") | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Status
             * @description What the event says about its window; null for informational events.
             */
            status: ("paid" | "due" | "surcharge" | "expired") | null;
        };
        /**
         * FeeStatus
         * @description D2: the grant's maintenance-fee status on `asOf` and its expiry forecast.
         */
        FeeStatus: {
            /**
             * Asof
             * Format: date
             */
            asOf: string;
            /** Duedate */
            dueDate: string | null;
            /** Expiredon */
            expiredOn: string | null;
            /**
             * Graceend
             * @description Expiry date if the next fee stays unpaid.
             */
            graceEnd: string | null;
            /** Nextwindow */
            nextWindow: string | null;
            /** Paidthrough */
            paidThrough: string | null;
            /**
             * Status
             * @description paid | due | surcharge | expired | not_required | unknown
             */
            status: string;
            /** Windowopen */
            windowOpen: string | null;
            /** Windows */
            windows: components["schemas"]["FeeWindowOut"][];
        };
        /**
         * FeeStatusFilter
         * @enum {string}
         */
        FeeStatusFilter: "paid" | "due" | "surcharge" | "expired" | "all";
        /**
         * FeeWindowFilter
         * @enum {string}
         */
        FeeWindowFilter: "3.5_year" | "7.5_year" | "11.5_year" | "all";
        /** FeeWindowOut */
        FeeWindowOut: {
            /**
             * Duedate
             * Format: date
             */
            dueDate: string;
            /**
             * Graceend
             * Format: date
             */
            graceEnd: string;
            /**
             * Label
             * @enum {string}
             */
            label: "3.5_year" | "7.5_year" | "11.5_year";
            /** Paidon */
            paidOn: string | null;
            /** Status */
            status: string;
            /**
             * Windowopen
             * Format: date
             */
            windowOpen: string;
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
        /** FixItemsQueued */
        FixItemsQueued: {
            /**
             * Fixtype
             * @enum {string}
             */
            fixType: "reclass" | "renormalize" | "rebuild_dashboard" | "fix_broken_chain";
            /** Itemcount */
            itemCount: number;
            /** Jobid */
            jobId: string;
            /** Startfromstep */
            startFromStep: string;
            /**
             * Status
             * @default queued
             * @constant
             */
            status: "queued";
        };
        /** FixItemsRequest */
        FixItemsRequest: {
            /**
             * Fixtype
             * @enum {string}
             */
            fixType: "reclass" | "renormalize" | "rebuild_dashboard" | "fix_broken_chain";
            /**
             * Orgid
             * Format: uuid
             */
            orgId: string;
            /** Targetids */
            targetIds?: string[] | null;
        };
        /** FreshnessItem */
        FreshnessItem: {
            /** Expectedfrequency */
            expectedFrequency: string;
            /** Lastdatadate */
            lastDataDate: string | null;
            /** Lastingestiondate */
            lastIngestionDate: string | null;
            /** Recordcount */
            recordCount: number | null;
            /** Source */
            source: string;
            /** Staledays */
            staleDays: number | null;
            staleness: components["schemas"]["Staleness"] | null;
            /** Status */
            status: ("fresh" | "stale" | "critical") | null;
        };
        /** FreshnessList */
        FreshnessList: {
            /** Data */
            data: components["schemas"]["FreshnessItem"][];
        };
        /** IngestionStatus */
        IngestionStatus: {
            /** Activejobs */
            activeJobs: number;
            /** Failedjobslast24H */
            failedJobsLast24H: number;
            /** Queuedepth */
            queueDepth: number;
            /** Sources */
            sources: components["schemas"]["SourceHealth"][];
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
        /** MaintenanceEvent */
        MaintenanceEvent: {
            /**
             * Assetid
             * Format: uuid
             */
            assetId: string;
            /** Description */
            description: string | null;
            /** Duedate */
            dueDate: string | null;
            /** Eventcode */
            eventCode: string;
            /**
             * Eventdate
             * Format: date
             */
            eventDate: string;
            /** Feewindow */
            feeWindow: string | null;
            /** Grantnumber */
            grantNumber: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Status */
            status: string | null;
            /** Title */
            title: string | null;
        };
        /** MaintenanceList */
        MaintenanceList: {
            /** Data */
            data: components["schemas"]["FeeEvent"][];
            feeStatus: components["schemas"]["FeeStatus"] | null;
            /** Grantnumber */
            grantNumber: string | null;
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
        /** NormalizeQueued */
        NormalizeQueued: {
            /**
             * Estimatedduration
             * @description Seconds, from the org's last successful run; null when unknown.
             */
            estimatedDuration: number | null;
            /** Groupcount */
            groupCount: number;
            /** Jobid */
            jobId: string | null;
            /** Namecount */
            nameCount: number;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "dry_run";
        };
        /** NormalizeRequest */
        NormalizeRequest: {
            /**
             * Dryrun
             * @default false
             */
            dryRun: boolean;
            /**
             * Threshold
             * @default 5
             */
            threshold: number;
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
        /** OpsAlertOut */
        OpsAlertOut: {
            /** Conditionkey */
            conditionKey: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Lastnotifiedat */
            lastNotifiedAt: string | null;
            /** Notifycount */
            notifyCount: number;
            /**
             * Openedat
             * Format: date-time
             */
            openedAt: string;
            /** Resolvedat */
            resolvedAt: string | null;
            status: components["schemas"]["OpsAlertStatus"];
            /** Title */
            title: string;
        };
        /**
         * OpsAlertStatus
         * @enum {string}
         */
        OpsAlertStatus: "open" | "resolved";
        /** OrgCompanyCreate */
        OrgCompanyCreate: {
            /** Aliases */
            aliases?: string[];
            /** Domain */
            domain?: string | null;
            /** Name */
            name: string;
        };
        /** OrgCompanyCreated */
        OrgCompanyCreated: {
            /** Aliases */
            aliases: string[];
            /** Domain */
            domain: string | null;
            /** Enrichmentjobid */
            enrichmentJobId: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Pipelinejobid */
            pipelineJobId: string;
        };
        /** OrgCompanyItem */
        OrgCompanyItem: {
            /** Aliases */
            aliases: string[];
            /** Assetcount */
            assetCount: number;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Domain */
            domain: string | null;
            /**
             * Entityid
             * @description The org entity (grouped names, #35) the company name belongs to.
             */
            entityId: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Logourl */
            logoUrl: string | null;
            /** Name */
            name: string;
        };
        /** OrgDetail */
        OrgDetail: {
            /** Assetcount */
            assetCount?: number | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Entitycount */
            entityCount?: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mfarequired */
            mfaRequired: boolean;
            /** Name */
            name: string;
            settings?: components["schemas"]["OrgSettings"] | null;
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
        /**
         * OrgSettings
         * @description api.md #33 `settings`: the org's dark-mode default (R24) and which integrations are
         *     connected. No integration is connectable in v1 (D3 defers Drive/Teams; Slack comes
         *     with the integrations issue), so the flags are false until those land.
         */
        OrgSettings: {
            /**
             * Darkmode
             * @default false
             */
            darkMode: boolean;
            /**
             * Googledriveconnected
             * @default false
             */
            googleDriveConnected: boolean;
            /**
             * Slackconnected
             * @default false
             */
            slackConnected: boolean;
            /**
             * Teamsconnected
             * @default false
             */
            teamsConnected: boolean;
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
        /** QueueControl */
        QueueControl: {
            /** Paused */
            paused: boolean;
            /** Pausedat */
            pausedAt: string | null;
            /**
             * Queue
             * @enum {string}
             */
            queue: "ingestion" | "pipeline" | "enrichment";
            /** Reason */
            reason: string | null;
        };
        /** QueuePatch */
        QueuePatch: {
            /** Paused */
            paused: boolean;
            /** Reason */
            reason?: string | null;
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
        /**
         * RebuildPipelineQueued
         * @description 202 of #49: the steps the run covers from `startFromStep` on, in DAG order.
         */
        RebuildPipelineQueued: {
            /** Estimatedduration */
            estimatedDuration: number | null;
            /** Pipelineid */
            pipelineId: string;
            /**
             * Status
             * @default queued
             * @constant
             */
            status: "queued";
            /** Steps */
            steps: ("classify" | "flag" | "tree" | "timeline" | "broken_title" | "dashboard" | "summary" | "generate_json")[];
        };
        /** RebuildPipelineRequest */
        RebuildPipelineRequest: {
            /**
             * Startfromstep
             * @default classify
             * @enum {string}
             */
            startFromStep: "classify" | "flag" | "tree" | "timeline" | "broken_title" | "dashboard" | "summary" | "generate_json";
        };
        /** RebuildQueued */
        RebuildQueued: {
            /** Jobid */
            jobId: string;
            /**
             * Status
             * @default queued
             * @constant
             */
            status: "queued";
        };
        /** RecentAssignment */
        RecentAssignment: {
            /** Affectedassets */
            affectedAssets: number;
            /** Assigneename */
            assigneeName: string | null;
            /** Assignorname */
            assignorName: string | null;
            /** Color */
            color: string;
            /** Conveyancetext */
            conveyanceText: string | null;
            /** Conveyancetype */
            conveyanceType: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Recorddate */
            recordDate: string | null;
            /** Rfid */
            rfId: string;
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
        /** RunDetail */
        RunDetail: {
            /** Attempts */
            attempts: number;
            /** Completedat */
            completedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Currentstep */
            currentStep: number;
            /** Durationms */
            durationMs: number | null;
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
            steps: components["schemas"]["RunStep"][];
            /** Summary */
            summary: {
                [key: string]: unknown;
            } | null;
            /** Trigger */
            trigger: string | null;
            /** Triggeredby */
            triggeredBy: string | null;
        };
        /** RunItem */
        RunItem: {
            /** Attempts */
            attempts: number;
            /** Completedat */
            completedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Currentstep */
            currentStep: number;
            /** Durationms */
            durationMs: number | null;
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
            /** Rulesetversion */
            rulesetVersion: string;
            /** Startedat */
            startedAt: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "running" | "success" | "failed" | "partial";
            /** Trigger */
            trigger: string | null;
            /** Triggeredby */
            triggeredBy: string | null;
        };
        /** RunStep */
        RunStep: {
            /** Attempts */
            attempts: number;
            /** Completedat */
            completedAt: string | null;
            /** Durationms */
            durationMs: number | null;
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
         * SearchField
         * @enum {string}
         */
        SearchField: "title" | "number" | "assignee" | "inventor" | "conveyanceText";
        /** SearchHit */
        SearchHit: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            matchField: components["schemas"]["SearchField"];
            /**
             * Matchsnippet
             * @description The matching text, HTML-escaped, with the matches in <mark> (no other tags).
             */
            matchSnippet: string;
            /** Score */
            score: number;
            /** Title */
            title: string | null;
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
        /** ShareCreate */
        ShareCreate: {
            /**
             * Allowassetlist
             * @default true
             */
            allowAssetList: boolean;
            /**
             * Allowconnections
             * @default false
             */
            allowConnections: boolean;
            /**
             * Allowdiagram
             * @default true
             */
            allowDiagram: boolean;
            /** Assetids */
            assetIds: string[];
            /** @default 30d */
            expiresIn: components["schemas"]["ExpiresIn"];
            /** Maxuses */
            maxUses?: number | null;
            /** Name */
            name: string;
        };
        /** SharedAsset */
        SharedAsset: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /** Currentassignee */
            currentAssignee: string | null;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Status */
            status: string | null;
            /** Title */
            title: string | null;
        };
        /**
         * SharedConnection
         * @description §3.6 #63: one conveyance of a shared asset (R25: named by rfId).
         */
        SharedConnection: {
            /** Assignees */
            assignees: components["schemas"]["SharedParty"][];
            /** Assignors */
            assignors: components["schemas"]["SharedParty"][];
            /** Color */
            color: string | null;
            /** Conveyancetext */
            conveyanceText: string | null;
            /** Conveyancetype */
            conveyanceType: string | null;
            /** Executiondate */
            executionDate: string | null;
            /** Recorddate */
            recordDate: string | null;
            /** Rfid */
            rfId: string;
        };
        /**
         * SharedEntry
         * @description §3.6 #60: what the viewer's landing page shows.
         */
        SharedEntry: {
            /** Assetcount */
            assetCount: number;
            /**
             * Expiresat
             * Format: date-time
             */
            expiresAt: string;
            /** Logourl */
            logoUrl: string | null;
            /** Organizationname */
            organizationName: string;
            permissions: components["schemas"]["SharePermissions"];
        };
        /** SharedParty */
        SharedParty: {
            /** Name */
            name: string;
        };
        /** ShareItem */
        ShareItem: {
            /** Assetcount */
            assetCount: number;
            /** Assetids */
            assetIds: string[];
            /** Code */
            code: string;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Createdby */
            createdBy: string | null;
            /** Currentuses */
            currentUses: number;
            /**
             * Expiresat
             * Format: date-time
             */
            expiresAt: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Isactive */
            isActive: boolean;
            /** Lastaccessedat */
            lastAccessedAt: string | null;
            /** Maxuses */
            maxUses: number | null;
            /** Name */
            name: string;
            permissions: components["schemas"]["SharePermissions"];
            state: components["schemas"]["ShareState"];
            /** Url */
            url: string;
        };
        /** ShareListItem */
        ShareListItem: {
            /** Assetcount */
            assetCount: number;
            /** Code */
            code: string;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Createdby */
            createdBy: string | null;
            /** Currentuses */
            currentUses: number;
            /**
             * Expiresat
             * Format: date-time
             */
            expiresAt: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Isactive */
            isActive: boolean;
            /** Lastaccessedat */
            lastAccessedAt: string | null;
            /** Maxuses */
            maxUses: number | null;
            /** Name */
            name: string;
            permissions: components["schemas"]["SharePermissions"];
            state: components["schemas"]["ShareState"];
            /** Url */
            url: string;
        };
        /** SharePermissions */
        SharePermissions: {
            /** Assetlist */
            assetList: boolean;
            /** Connections */
            connections: boolean;
            /** Diagram */
            diagram: boolean;
        };
        /**
         * ShareState
         * @description frontend.md §3.9 list state (a revoked link is not listed).
         * @enum {string}
         */
        ShareState: "active" | "expired" | "used_up";
        /**
         * ShareUpdate
         * @description Any create field (§3.6 #58); a new `expiresIn` counts from now.
         */
        ShareUpdate: {
            /** Allowassetlist */
            allowAssetList?: boolean | null;
            /** Allowconnections */
            allowConnections?: boolean | null;
            /** Allowdiagram */
            allowDiagram?: boolean | null;
            /** Assetids */
            assetIds?: string[] | null;
            expiresIn?: components["schemas"]["ExpiresIn"] | null;
            /** Maxuses */
            maxUses?: number | null;
            /** Name */
            name?: string | null;
        };
        /**
         * SortOrder
         * @enum {string}
         */
        SortOrder: "asc" | "desc";
        /** SourceHealth */
        SourceHealth: {
            /** Lasterror */
            lastError: string | null;
            /** Lastfailureat */
            lastFailureAt: string | null;
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
            /**
             * Status
             * @enum {string}
             */
            status: "healthy" | "stale" | "failing";
        };
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
         * SseConnected
         * @description `connected`: sent once when the stream opens (no id).
         */
        SseConnected: {
            /**
             * Orgid
             * Format: uuid
             */
            orgId: string;
            /** Requestid */
            requestId: string | null;
            /**
             * Servertime
             * Format: date-time
             */
            serverTime: string;
            /**
             * Userid
             * Format: uuid
             */
            userId: string;
        };
        /**
         * SseDashboardRefresh
         * @description `dashboard-refresh`: derived data of `dataType` was recomputed. A pipeline run
         *     rewrites all of it and sends one event with `summary`, meaning every data type.
         */
        SseDashboardRefresh: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Datatype
             * @enum {string}
             */
            dataType: "summary" | "tree" | "timeline" | "broken-titles" | "cpc" | "org";
            /**
             * Event
             * @constant
             */
            event: "dashboard-refresh";
            /** Id */
            id: number;
            /**
             * Organizationid
             * Format: uuid
             */
            organizationId: string;
            /**
             * Orgid
             * Format: uuid
             */
            orgId: string;
        };
        /**
         * SseNewAssignments
         * @description `new-assignments`: an ingestion load committed `count` new or changed conveyances on
         *     the org's live assets; the org's pipeline is queued (data changes at its end).
         */
        SseNewAssignments: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Count */
            count: number;
            /**
             * Event
             * @constant
             */
            event: "new-assignments";
            /** Id */
            id: number;
            /**
             * Organizationid
             * Format: uuid
             */
            organizationId: string;
            /**
             * Orgid
             * Format: uuid
             */
            orgId: string;
            /**
             * Refreshneeded
             * @constant
             */
            refreshNeeded: true;
        };
        /**
         * SsePipelineComplete
         * @description `pipeline-complete`: a run ended (after its `run.finished` / `run.failed`).
         */
        SsePipelineComplete: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Duration */
            duration: number;
            /**
             * Event
             * @constant
             */
            event: "pipeline-complete";
            /** Id */
            id: number;
            /**
             * Organizationid
             * Format: uuid
             */
            organizationId: string;
            /**
             * Orgid
             * Format: uuid
             */
            orgId: string;
            /**
             * Runid
             * Format: uuid
             */
            runId: string;
            /**
             * Status
             * @enum {string}
             */
            status: "completed" | "failed";
            /**
             * Trigger
             * @enum {string}
             */
            trigger: "ingestion" | "companies" | "follow-up" | "manual" | "other";
        };
        /**
         * SsePipelineProgress
         * @description `run.started`, `run.resumed`, `run.full_fallback`, `step.started`, `step.finished`,
         *     `step.failed`, `run.finished`, `run.failed`: the pipeline's progress (D15) for the
         *     run steppers. Further fields depend on the event (`done`, `steps`, `followUp`...).
         */
        SsePipelineProgress: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Event */
            event: string;
            /** Id */
            id: number;
            /**
             * Organizationid
             * Format: uuid
             */
            organizationId: string;
            /** Runid */
            runId?: string | null;
            /** Step */
            step?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * SseSignal
         * @description `session-expired` (refresh the session, then reconnect) and `resync` (the resume
         *     gap is gone: refetch everything): an empty object.
         */
        SseSignal: Record<string, never>;
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
        /** TransactionItem */
        TransactionItem: {
            /** Affectedassets */
            affectedAssets: number;
            /** Assigneename */
            assigneeName: string | null;
            /** Assignorname */
            assignorName: string | null;
            /** Conveyancetext */
            conveyanceText: string | null;
            /** Conveyancetype */
            conveyanceType: string;
            /** Flagged */
            flagged: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Orgid
             * Format: uuid
             */
            orgId: string;
            /** Orgname */
            orgName: string;
            /** Recorddate */
            recordDate: string | null;
            /** Rfid */
            rfId: string;
        };
        /** TransactionSummary */
        TransactionSummary: {
            dateRange: components["schemas"]["DateRange"];
            /** Totalassignees */
            totalAssignees: number;
            /** Totalassignments */
            totalAssignments: number;
            /** Totalassignors */
            totalAssignors: number;
        };
        /** TreeAsset */
        TreeAsset: {
            /** Applicationnumber */
            applicationNumber: string | null;
            /** Grantnumber */
            grantNumber: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Status */
            status: string | null;
            /** Title */
            title: string | null;
        };
        /** TreeDetail */
        TreeDetail: {
            /** Assetcount */
            assetCount: number;
            /** Assets */
            assets: components["schemas"]["TreeAsset"][];
            /** Color */
            color: string;
            /**
             * Companyid
             * Format: uuid
             */
            companyId: string;
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
            transactionSummary: components["schemas"]["TransactionSummary"];
            /** Treetype */
            treeType: number;
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
        /**
         * TriggerQueued
         * @description 202: the source's task(s) were queued after commit; `jobId` is the first one.
         */
        TriggerQueued: {
            /** Jobid */
            jobId: string;
            /** Jobids */
            jobIds: string[];
            /**
             * Source
             * @enum {string}
             */
            source: "assignments" | "bibliographic" | "epo-family" | "cpc" | "maintenance";
            /**
             * Status
             * @default queued
             * @constant
             */
            status: "queued";
        };
        /** TriggerRequest */
        TriggerRequest: {
            /** Datefrom */
            dateFrom?: string | null;
            /** Dateto */
            dateTo?: string | null;
            /**
             * Source
             * @enum {string}
             */
            source: "assignments" | "bibliographic" | "epo-family" | "cpc" | "maintenance";
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
        /** WebhookCreate */
        WebhookCreate: {
            /**
             * Active
             * @default true
             */
            active: boolean;
            /** Description */
            description?: string | null;
            /** Eventtypes */
            eventTypes: components["schemas"]["domain__alerts__events__EventType"][];
            /** @default standard */
            format: components["schemas"]["WebhookFormat"];
            /** Url */
            url: string;
        };
        /**
         * WebhookCreated
         * @description The create response: the only time the signing secret is ever returned.
         */
        WebhookCreated: {
            /** Active */
            active: boolean;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Createdby */
            createdBy: string | null;
            /** Description */
            description: string | null;
            /** Eventtypes */
            eventTypes: components["schemas"]["domain__alerts__events__EventType"][];
            format: components["schemas"]["WebhookFormat"];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Secret
             * @description HMAC-SHA256 key of X-PatenTrack-Signature; shown once, store it now.
             */
            secret: string;
            /**
             * Updatedat
             * Format: date-time
             */
            updatedAt: string;
            /** Url */
            url: string;
        };
        /**
         * WebhookFormat
         * @enum {string}
         */
        WebhookFormat: "standard" | "slack";
        /** WebhookOut */
        WebhookOut: {
            /** Active */
            active: boolean;
            /**
             * Createdat
             * Format: date-time
             */
            createdAt: string;
            /** Createdby */
            createdBy: string | null;
            /** Description */
            description: string | null;
            /** Eventtypes */
            eventTypes: components["schemas"]["domain__alerts__events__EventType"][];
            format: components["schemas"]["WebhookFormat"];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Updatedat
             * Format: date-time
             */
            updatedAt: string;
            /** Url */
            url: string;
        };
        /**
         * WebhookUpdate
         * @description Only the fields sent change; the secret never changes here.
         */
        WebhookUpdate: {
            /** Active */
            active?: boolean | null;
            /** Description */
            description?: string | null;
            /** Eventtypes */
            eventTypes?: components["schemas"]["domain__alerts__events__EventType"][] | null;
            format?: components["schemas"]["WebhookFormat"] | null;
            /** Url */
            url?: string | null;
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
    admin_list_alerts: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                status?: components["schemas"]["OpsAlertStatus"] | null;
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
                    "application/json": components["schemas"]["CursorPage_OpsAlertOut_"];
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
    admin_fix_items: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FixItemsRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_FixItemsQueued_"];
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
            /** @description No such organization. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `job_running` with `details.jobId`. */
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
    admin_get_ingestion_freshness: {
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
                    "application/json": components["schemas"]["FreshnessList"];
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
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
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
    admin_list_queue_controls: {
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
                    "application/json": components["schemas"]["Envelope_list_QueueControl__"];
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
    admin_control_ingestion_queue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: "ingestion" | "pipeline" | "enrichment";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueuePatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_QueueControl_"];
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
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
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
    admin_get_ingestion_status: {
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
                    "application/json": components["schemas"]["Envelope_IngestionStatus_"];
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
    admin_ingestion_stream: {
        parameters: {
            query?: {
                jobId?: string | null;
                lastEventId?: string | null;
                source?: string | null;
            };
            header?: {
                "Last-Event-ID"?: string | null;
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
    admin_trigger_ingestion: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriggerRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_TriggerQueued_"];
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
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
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
    admin_list_pipeline_runs: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                status?: "all" | ("pending" | "running" | "success" | "failed" | "partial");
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
                    "application/json": components["schemas"]["CursorPage_RunItem_"];
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
            /** @description No such organization or run. */
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
    admin_get_pipeline_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id */
                org_id: string;
                run_id: string;
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
                    "application/json": components["schemas"]["Envelope_RunDetail_"];
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
            /** @description No such organization or run. */
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
    admin_pipeline_stream: {
        parameters: {
            query?: {
                lastEventId?: number | null;
            };
            header?: {
                "Last-Event-ID"?: number | null;
            };
            path: {
                /** @description Organization id */
                org_id: string;
            };
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
    admin_rebuild_pipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RebuildPipelineRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_RebuildPipelineQueued_"];
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
            /** @description No such organization or run. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `job_running` with `details.jobId`. */
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
    admin_rebuild_tree: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path: {
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
                    "application/json": components["schemas"]["Envelope_RebuildQueued_"];
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
            /** @description No such organization or run. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `job_running` with `details.jobId`. */
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
    admin_list_transactions: {
        parameters: {
            query?: {
                conveyanceType?: "all" | "assignment" | "employee" | "govern" | "merger" | "namechg" | "license" | "release" | "security" | "correct" | "missing";
                cursor?: string | null;
                dateFrom?: string | null;
                dateTo?: string | null;
                flagged?: boolean | null;
                limit?: number;
                orgId?: string | null;
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
                    "application/json": components["schemas"]["CursorPage_TransactionItem_"];
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
    alert_digest_subscribers: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
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
                    "application/json": components["schemas"]["CursorPage_DigestSubscriberOut_"];
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
            /** @description Not an org admin. */
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
            header?: {
                "If-None-Match"?: string | null;
            };
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
            header?: {
                "If-None-Match"?: string | null;
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
            header?: {
                "If-None-Match"?: string | null;
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
    assets_cpc: {
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
                    "application/json": components["schemas"]["CpcList"];
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
                "If-None-Match"?: string | null;
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
    assets_family: {
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
                    "application/json": components["schemas"]["FamilyList"];
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
    assets_maintenance: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
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
                    "application/json": components["schemas"]["MaintenanceList"];
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
    assets_search: {
        parameters: {
            query: {
                cursor?: string | null;
                fields?: components["schemas"]["SearchField"][] | null;
                limit?: number;
                q: string;
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
                    "application/json": components["schemas"]["CursorPage_SearchHit_"];
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
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
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
            header?: {
                "If-None-Match"?: string | null;
            };
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
    dashboards_cpc_wordcloud: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                level?: components["schemas"]["CpcCloudLevel"];
                year?: number | null;
            };
            header?: {
                "If-None-Match"?: string | null;
            };
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
                    "application/json": components["schemas"]["CpcCloud"];
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
            header?: {
                "If-None-Match"?: string | null;
            };
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
            header?: {
                "If-None-Match"?: string | null;
            };
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
            header?: {
                "If-None-Match"?: string | null;
            };
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
    dashboards_tree: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
            };
            path: {
                tree_id: string;
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
                    "application/json": components["schemas"]["Envelope_TreeDetail_"];
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
            /** @description No such tree in the caller's org. */
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
    events_list: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                cursor?: string | null;
                dateFrom?: string | null;
                dateTo?: string | null;
                limit?: number;
                order?: components["schemas"]["SortOrder"];
                type?: components["schemas"]["api__schemas__events__EventType"];
            };
            header?: {
                "If-None-Match"?: string | null;
            };
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
                    "application/json": components["schemas"]["CursorPage_EventItem_"];
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
    events_assignments: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                cursor?: string | null;
                days?: number;
                limit?: number;
            };
            header?: {
                "If-None-Match"?: string | null;
            };
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
                    "application/json": components["schemas"]["CursorPage_RecentAssignment_"];
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
    events_maintenance: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                cursor?: string | null;
                feeWindow?: components["schemas"]["FeeWindowFilter"];
                limit?: number;
                order?: components["schemas"]["SortOrder"];
                status?: components["schemas"]["FeeStatusFilter"];
            };
            header?: {
                "If-None-Match"?: string | null;
            };
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
                    "application/json": components["schemas"]["CursorPage_MaintenanceEvent_"];
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
            /** @description The event stream; `data:` is one of these bodies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string | components["schemas"]["SseConnected"] | components["schemas"]["SseNewAssignments"] | components["schemas"]["SseDashboardRefresh"] | components["schemas"]["SsePipelineComplete"] | components["schemas"]["SsePipelineProgress"] | components["schemas"]["SseSignal"];
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
                    "text/event-stream": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Role too low. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorEnvelope"];
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
                    "text/event-stream": components["schemas"]["ErrorEnvelope"];
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
    exports_assets: {
        parameters: {
            query?: {
                companyId?: string[] | null;
                conveyanceType?: components["schemas"]["ConveyanceType"] | null;
                dateFrom?: string | null;
                dateTo?: string | null;
                hasOpenLiens?: boolean | null;
                search?: string | null;
                status?: components["schemas"]["TitleStatusFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CSV file (streamed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
    exports_broken_titles: {
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
            /** @description A CSV file (streamed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
    exports_open_liens: {
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
            /** @description A CSV file (streamed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
    alert_digest_get: {
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
                    "application/json": components["schemas"]["Envelope_AlertDigestOut_"];
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
    alert_digest_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertDigestUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_AlertDigestOut_"];
                };
            };
            /** @description Invalid body (`details.fieldErrors`). */
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
    org_companies_list: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                order?: components["schemas"]["SortOrder"];
                search?: string | null;
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
                    "application/json": components["schemas"]["CursorPage_OrgCompanyItem_"];
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
            /** @description No such organization or company. */
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
    org_companies_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgCompanyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_OrgCompanyCreated_"];
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
            /** @description No such organization or company. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A company has this name. */
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
    org_companies_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
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
            /** @description No such organization or company. */
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
    entities_list: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                order?: components["schemas"]["SortOrder"];
                search?: string | null;
            };
            header?: {
                "If-None-Match"?: string | null;
            };
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
                    "application/json": components["schemas"]["CursorPage_EntityItem_"];
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
            /** @description No such organization or entity. */
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
    entities_get: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
            };
            path: {
                entity_id: string;
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
                    "application/json": components["schemas"]["Envelope_EntityDetailOut_"];
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
            /** @description No such organization or entity. */
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
    entities_normalize: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                /** @description Organization id */
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NormalizeRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_NormalizeQueued_"];
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
            /** @description No such organization or entity. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A run is already pending. */
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
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
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
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
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
    shared_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The share code (20-40 characters) */
                code: string;
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
                    "application/json": components["schemas"]["Envelope_SharedEntry_"];
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
            /** @description Unknown or revoked link, or not shared. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Expired or out of uses. */
            410: {
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
    shared_assets: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: {
                "If-None-Match"?: string | null;
            };
            path: {
                /** @description The share code (20-40 characters) */
                code: string;
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
                    "application/json": components["schemas"]["CursorPage_SharedAsset_"];
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
            /** @description No share session for this link. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The link does not allow this view. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown or revoked link, or not shared. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Expired or out of uses. */
            410: {
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
    shared_connections: {
        parameters: {
            query: {
                rfId: string;
            };
            header?: {
                "If-None-Match"?: string | null;
            };
            path: {
                asset_id: string;
                /** @description The share code (20-40 characters) */
                code: string;
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
                    "application/json": components["schemas"]["Envelope_SharedConnection_"];
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
            /** @description No share session for this link. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The link does not allow this view. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown or revoked link, or not shared. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Expired or out of uses. */
            410: {
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
    shared_diagram: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
            };
            path: {
                asset_id: string;
                /** @description The share code (20-40 characters) */
                code: string;
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
            /** @description No share session for this link. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The link does not allow this view. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown or revoked link, or not shared. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Expired or out of uses. */
            410: {
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
    shares_list: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
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
                    "application/json": components["schemas"]["CursorPage_ShareListItem_"];
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
            /** @description Not the creator and not an admin (D5). */
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
    shares_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ShareItem_"];
                };
            };
            /** @description Invalid field or foreign asset. */
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
            /** @description Not the creator and not an admin (D5). */
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
    shares_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                share_id: string;
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
                    "application/json": components["schemas"]["Envelope_ShareItem_"];
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
            /** @description Not the creator and not an admin (D5). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such live link in the caller's org. */
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
    shares_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                share_id: string;
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
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not the creator and not an admin (D5). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such live link in the caller's org. */
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
    shares_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                share_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ShareItem_"];
                };
            };
            /** @description Invalid field or foreign asset. */
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
            /** @description Not the creator and not an admin (D5). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such live link in the caller's org. */
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
    shares_access_log: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path: {
                share_id: string;
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
                    "application/json": components["schemas"]["CursorPage_AccessLogItem_"];
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
            /** @description Not the creator and not an admin (D5). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such live link in the caller's org. */
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
    webhooks_list: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
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
                    "application/json": components["schemas"]["CursorPage_WebhookOut_"];
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
            /** @description Not an org admin. */
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
    webhooks_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description api.md §1.10: retry-safe creation; the same key replays the response. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WebhookCreated_"];
                };
            };
            /** @description Invalid body (`details.fieldErrors`). */
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
            /** @description Not an org admin. */
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
    webhooks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
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
                    "application/json": components["schemas"]["Envelope_WebhookOut_"];
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
            /** @description Not an org admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such webhook or delivery. */
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
    webhooks_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
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
            /** @description No valid session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an org admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such webhook or delivery. */
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
    webhooks_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WebhookOut_"];
                };
            };
            /** @description Invalid body (`details.fieldErrors`). */
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
            /** @description Not an org admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such webhook or delivery. */
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
    webhooks_list_deliveries: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                /** @description Only deliveries in this state. */
                status?: components["schemas"]["DeliveryStatus"] | null;
            };
            header?: never;
            path: {
                webhook_id: string;
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
                    "application/json": components["schemas"]["CursorPage_DeliveryOut_"];
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
            /** @description Not an org admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such webhook or delivery. */
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
    webhooks_replay_delivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
                webhook_id: string;
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
                    "application/json": components["schemas"]["Envelope_DeliveryOut_"];
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
            /** @description Not an org admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such webhook or delivery. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `delivery_pending`: still being tried. */
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
    webhooks_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
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
                    "application/json": components["schemas"]["Envelope_DeliveryOut_"];
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
            /** @description Not an org admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such webhook or delivery. */
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
}

export const CONTRACT_OPERATIONS: readonly string[] = [
    "DELETE /api/v1/companies/{company_id}",
    "DELETE /api/v1/organizations/{org_id}/companies/{company_id}",
    "DELETE /api/v1/organizations/{org_id}/users/{user_id}",
    "DELETE /api/v1/shares/{share_id}",
    "DELETE /api/v1/webhooks/{webhook_id}",
    "GET /api/v1/admin/alerts",
    "GET /api/v1/admin/audit-log",
    "GET /api/v1/admin/ingestion/freshness",
    "GET /api/v1/admin/ingestion/jobs",
    "GET /api/v1/admin/ingestion/jobs/{job_id}",
    "GET /api/v1/admin/ingestion/queue-controls",
    "GET /api/v1/admin/ingestion/queues",
    "GET /api/v1/admin/ingestion/sources",
    "GET /api/v1/admin/ingestion/status",
    "GET /api/v1/admin/ingestion/stream",
    "GET /api/v1/admin/organizations",
    "GET /api/v1/admin/organizations/{org_id}",
    "GET /api/v1/admin/organizations/{org_id}/pipeline/runs",
    "GET /api/v1/admin/organizations/{org_id}/pipeline/runs/{run_id}",
    "GET /api/v1/admin/organizations/{org_id}/pipeline/stream",
    "GET /api/v1/admin/transactions",
    "GET /api/v1/alert-digest/subscribers",
    "GET /api/v1/assets",
    "GET /api/v1/assets/search",
    "GET /api/v1/assets/{asset_id}",
    "GET /api/v1/assets/{asset_id}/assignments",
    "GET /api/v1/assets/{asset_id}/cpc",
    "GET /api/v1/assets/{asset_id}/diagram",
    "GET /api/v1/assets/{asset_id}/family",
    "GET /api/v1/assets/{asset_id}/maintenance",
    "GET /api/v1/companies",
    "GET /api/v1/dashboards/broken-titles",
    "GET /api/v1/dashboards/cpc-wordcloud",
    "GET /api/v1/dashboards/summary",
    "GET /api/v1/dashboards/timeline",
    "GET /api/v1/dashboards/trees",
    "GET /api/v1/dashboards/trees/{tree_id}",
    "GET /api/v1/events",
    "GET /api/v1/events/assignments",
    "GET /api/v1/events/maintenance",
    "GET /api/v1/events/stream",
    "GET /api/v1/exports/assets.csv",
    "GET /api/v1/exports/broken-titles.csv",
    "GET /api/v1/exports/open-liens.csv",
    "GET /api/v1/health/live",
    "GET /api/v1/health/ready",
    "GET /api/v1/me",
    "GET /api/v1/me/alert-digest",
    "GET /api/v1/organizations/{org_id}",
    "GET /api/v1/organizations/{org_id}/audit-log",
    "GET /api/v1/organizations/{org_id}/companies",
    "GET /api/v1/organizations/{org_id}/entities",
    "GET /api/v1/organizations/{org_id}/entities/{entity_id}",
    "GET /api/v1/organizations/{org_id}/pipeline",
    "GET /api/v1/organizations/{org_id}/users",
    "GET /api/v1/shared/{code}",
    "GET /api/v1/shared/{code}/assets",
    "GET /api/v1/shared/{code}/assets/{asset_id}/connections",
    "GET /api/v1/shared/{code}/assets/{asset_id}/diagram",
    "GET /api/v1/shares",
    "GET /api/v1/shares/{share_id}",
    "GET /api/v1/shares/{share_id}/access-log",
    "GET /api/v1/webhooks",
    "GET /api/v1/webhooks/{webhook_id}",
    "GET /api/v1/webhooks/{webhook_id}/deliveries",
    "PATCH /api/v1/admin/ingestion/queues/{queue_name}",
    "PATCH /api/v1/admin/organizations/{org_id}",
    "PATCH /api/v1/me",
    "PATCH /api/v1/organizations/{org_id}",
    "PATCH /api/v1/organizations/{org_id}/users/{user_id}",
    "PATCH /api/v1/shares/{share_id}",
    "PATCH /api/v1/webhooks/{webhook_id}",
    "POST /api/v1/admin/fix-items",
    "POST /api/v1/admin/ingestion/jobs/{job_id}/retry",
    "POST /api/v1/admin/ingestion/sources/{name}/pause",
    "POST /api/v1/admin/ingestion/sources/{name}/resume",
    "POST /api/v1/admin/ingestion/sources/{name}/trigger",
    "POST /api/v1/admin/ingestion/trigger",
    "POST /api/v1/admin/organizations",
    "POST /api/v1/admin/organizations/{org_id}/rebuild-pipeline",
    "POST /api/v1/admin/organizations/{org_id}/rebuild-tree",
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
    "POST /api/v1/organizations/{org_id}/companies",
    "POST /api/v1/organizations/{org_id}/entities/normalize",
    "POST /api/v1/organizations/{org_id}/pipeline",
    "POST /api/v1/organizations/{org_id}/users",
    "POST /api/v1/organizations/{org_id}/users/{user_id}/unlock",
    "POST /api/v1/shares",
    "POST /api/v1/webhooks",
    "POST /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/replay",
    "POST /api/v1/webhooks/{webhook_id}/test",
    "PUT /api/v1/me/alert-digest"
];
