"""`pipeline.run`: the per-organization pipeline job (D15; business-rules §10)."""

from __future__ import annotations

import uuid

from worker.jobs import JobContext, task
from worker.pipeline.runner import PipelineRunner
from worker.task_names import PIPELINE_RUN


# §10: step retries 3 with 30/60/120 s; a retry resumes from the failed step. No result
# is kept, so the unique id `pipeline:org:{orgId}` is free again as soon as a run ends.
@task(PIPELINE_RUN, retries=3, timeout=3600, backoff=30.0, keep_result=0)
async def run_pipeline(
    ctx: JobContext,
    *,
    organization_id: str,
    reason: str | None = None,
    only_if_dirty: bool = False,
    manual: bool = False,
) -> list[str]:
    """Run the org's pipeline (plus one follow-up if triggered meanwhile); ids of the runs."""
    runner = PipelineRunner(ctx.sessionmaker, ctx.redis)
    outcome = await runner.run(
        uuid.UUID(organization_id),
        reason=reason,
        only_if_dirty=only_if_dirty,
        manual=manual,
        arq_job_id=ctx.job_id,
    )
    return [str(r) for r in outcome.runs]
