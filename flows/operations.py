"""Operations as code, on the Prefect server that PREFECT_API_URL names: run by `prefect deploy
--prefect-file flows/prefect.yaml` (its build step) or by hand (`python -m flows.operations`).
Creates or updates, so that running it again changes nothing:

- the global concurrency limit kr-warehouse (1 slot: one writer at a time, whichever deployment
  or worker; flows/annual_update.py holds it while a run writes);
- the notification block kr-alerts (Prefect's Custom Webhook block, a JSON POST of
  {"subject", "text"}) to KR_NOTIFY_WEBHOOK, when set;
- the Automations of flows/automations.yaml (a run failed or crashed; the annual update is late
  or has not completed in 14 days), each notifying through kr-alerts.

Set KR_NOTIFY_WEBHOOK here, where you deploy, and not on the workers: a worker with it set would
POST a second alert of its own for every failed run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
ALERTS_BLOCK = "kr-alerts"
WRITER_LIMIT = "kr-warehouse"  # flows/annual_update.py holds it


def setup(webhook: str | None) -> list[str]:
    """Create or update the limit, the block and the automations; one line per thing done."""
    from prefect.blocks.notifications import CustomWebhookNotificationBlock
    from prefect.client.orchestration import get_client
    from prefect.events.schemas.automations import AutomationCore

    done = []
    with get_client(sync_client=True) as client:
        client.upsert_global_concurrency_limit_by_name(WRITER_LIMIT, 1)
        done.append(f"concurrency limit {WRITER_LIMIT}: 1 slot (one writer at a time)")
        if not webhook:
            done.append("KR_NOTIFY_WEBHOOK is not set: no notification block, no automations")
            return done
        block = CustomWebhookNotificationBlock(
            name=ALERTS_BLOCK, url=webhook, json_data={"subject": "{{subject}}", "text": "{{body}}"}, headers=None, cookies=None
        )
        block_id = block.save(ALERTS_BLOCK, overwrite=True)
        done.append(f"notification block {ALERTS_BLOCK}: POST to {webhook.split('?')[0]}")
        specs = yaml.safe_load((HERE / "automations.yaml").read_text("utf-8"))["automations"]
        for spec in specs:
            for action in spec["actions"]:
                if action.pop("block", None) == ALERTS_BLOCK:
                    action["block_document_id"] = str(block_id)
            wanted = AutomationCore.model_validate(spec)
            existing = client.read_automations_by_name(spec["name"])
            fields = set(AutomationCore.model_fields)
            if len(existing) == 1 and existing[0].model_dump(include=fields) == wanted.model_dump(include=fields):
                done.append(f"automation {spec['name']!r} (unchanged)")
                continue  # `prefect deploy --all` runs this step once per deployment
            for old in existing:
                client.delete_automation(old.id)
            client.create_automation(wanted)
            done.append(f"automation {spec['name']!r}")
    return done


def main() -> int:
    if not os.environ.get("PREFECT_API_URL"):
        print("flows/operations.py: set PREFECT_API_URL to the Prefect server first", file=sys.stderr)
        return 2
    from kr_pipeline.config import env

    for line in setup(env("KR_NOTIFY_WEBHOOK") or None):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
