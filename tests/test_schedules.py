"""When a publisher publishes is written once, in its publisher.yaml (`publication_months`):
the Prefect deployments' weekly checks (flows/prefect.yaml) must say the same, one check per
channel with publication months, Mondays 08:00 in those months."""

import yaml

from kr_pipeline.config import PROJECT_ROOT
from kr_pipeline.registry import load_registry


def test_every_check_deployment_runs_in_its_channels_publication_months():
    spec = yaml.safe_load((PROJECT_ROOT / "flows" / "prefect.yaml").read_text("utf-8"))
    checks = {
        d["parameters"]["source"]: [s["cron"] for s in d.get("schedules", [])]
        for d in spec["deployments"]
        if d["entrypoint"].endswith(":check_source")
    }
    want = {s.source_id: [s.check_cron] for s in load_registry().values() if s.check_cron}
    assert checks == want, "flows/prefect.yaml's check deployments differ from the publishers' publication_months"


def test_the_cron_follows_the_months():
    registry = load_registry()
    assert registry["ncmec"].check_cron == "0 8 * 3-5 1"
    assert registry["iwf"].check_cron == "0 8 * 4 1"
    source = registry["ncmec"]
    source.publication_months = [12, 1, 2, 6]
    assert source.check_cron == "0 8 * 1-2,6,12 1"
    source.publication_months = []
    assert source.check_cron is None
