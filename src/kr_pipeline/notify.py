"""Notifications for runs with failures without a Prefect server (`kr update`, `kr check`): a
JSON POST to KR_NOTIFY_WEBHOOK (Slack/Teams/Matrix bridges and most chat tools accept one). On a
Prefect server, the Automations of flows/automations.yaml notify through the block kr-alerts
(flows/operations.py creates both from KR_NOTIFY_WEBHOOK when deploying; see README)."""

from __future__ import annotations

import logging

import requests

log = logging.getLogger(__name__)


def notify_failure(webhook: str | None, flow: str, message: str, lines: list[str], report_path=None) -> bool:
    """POST {"flow", "message", "sources", "report"}; never raises (a notification must not fail a run)."""
    if not webhook:
        return False
    payload = {
        "flow": flow,
        "message": message,
        "sources": lines,
        "report": str(report_path) if report_path else None,
        "text": f"kr-pipeline {flow}: {message}\n" + "\n".join(lines),
    }
    for attempt in range(2):
        try:
            resp = requests.post(webhook, json=payload, timeout=(5, 10))
            if resp.status_code < 300:
                return True
            log.warning("notification webhook answered HTTP %s", resp.status_code)
        except requests.RequestException as exc:
            log.warning("notification webhook failed (attempt %s): %s", attempt + 1, exc)
    return False
