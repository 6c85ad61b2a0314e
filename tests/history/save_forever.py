"""Child process for the kill test: save runs of 50 devices in a loop until killed.

python -m tests.history.save_forever DB_PATH SEED
"""

import random
import sys
from pathlib import Path

from router_advisor.history.store import HistoryStore

from tests.history import factory
from tests.history.factory import device


def main() -> None:
    rng = random.Random(int(sys.argv[2]))
    with HistoryStore(Path(sys.argv[1])) as store:
        print("ready", flush=True)
        while True:
            # 50 of 80 possible devices, so runs bring new devices and lose others.
            picked = sorted(rng.sample(range(80), 50))
            store.save_run(factory.run([device(n) for n in picked], download=rng.uniform(10, 500)))


if __name__ == "__main__":
    main()
