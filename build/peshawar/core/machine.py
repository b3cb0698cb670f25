"""What this machine offers the toolkit's parallel work."""

import os


def available_cores():
    """The cores this process may run on (its CPU affinity where the system
    says, else every core)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
