"""Load + validate time of generated flows packs: does the cost grow linearly with states?

Packs of 100, 1,000 and 10,000 flows (30 states each: questions, instructions, an
e-mail details input, a sub-flow jump and six outcomes using every kind of fact) are
written to a temporary directory, then read with ``read_pack`` and linted with
``lint`` — what ``eportguide validate`` does — each in a fresh process, as a command
would (a process that already loaded the smaller packs runs the next one slower).
Each pack must come out clean. Repeats are interleaved and the best kept, so that a
busy machine slows every size alike. The cost per state of each size is compared with
that of the smallest pack, measured in the same run (a ratio near 1: linear growth).

    python benchmarks/scale.py [--sizes 100 1000 10000] [--repeat 2]
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eportguide.model.lint import lint
from eportguide.model.loader import read_pack

QUESTIONS = 23  # s0 … s22, then six outcomes and the one input state: 30 states

FACTS = """\
facts:
  service_email: {kind: email, label: 客服邮箱, value: kefu@example.cn}
  hotline: {kind: phone, label: 客服热线, value: "95198"}
  office: {kind: address, label: 邮寄地址, value: 某市某路1号, recipient: 服务台, phone: "83196210"}
  portal: {kind: url, label: 网站, value: https://example.cn/}
  initial_password: {kind: text, label: 初始密码, value: 8个8}
  processing_time: {kind: duration, label: 办理时限, value: 1-2个工作日, min_working_days: 1, max_working_days: 2}
fields:
  enterprise: {prompt: 企业名称, validate: name}
  contact_phone: {prompt: 联系人电话, validate: phone}
"""


def flow_yaml(number: int) -> str:
    """One flow: a chain of questions, each also able to end early in an outcome."""
    lines = [
        f"id: flow-{number}",
        f"title: 生成的流程 {number}",
        "category: 基准",
        "source: 生成",
        "description: 规模基准用的流程。",
        "search: {phrases: [卡被锁了], keywords: [锁]}",
        "start: s0",
        "states:",
    ]
    for k in range(QUESTIONS):
        then = f"s{k + 1}" if k + 1 < QUESTIONS else "details"
        early = f"o{k % 6}"
        match k % 4:
            case 0:
                lines += [
                    f"  s{k}:",
                    "    kind: choice",
                    f"    prompt: 第{k}个问题？",
                    "    choices:",
                    f"      - {{value: a, label: 甲, next: {then}}}",
                    f"      - {{value: b, label: 乙, next: {early}}}",
                    f"      - {{value: c, label: 丙, next: {then}}}",
                ]
            case 1:
                lines += [f"  s{k}:", "    kind: confirm", f"    prompt: 第{k}步做完了吗？", f"    if_yes: {then}", f"    if_no: {early}"]
            case 2:
                lines += [
                    f"  s{k}:",
                    "    kind: instruction",
                    f"    title: 第{k}步",
                    "    text:",
                    "      - 登录 {portal}，初始密码为{initial_password}。",
                    f'      - {{text: "选了甲时致电 {{hotline}}。", when: {{s{k - 2}: [a, c]}}}}',
                    f"    next: {then}",
                ]
            case 3:
                if k == 3 and number > 0:  # the previous flow first, with its first answer given
                    lines += [
                        f"  s{k}:",
                        "    kind: subflow",
                        f"    flow: flow-{number - 1}",
                        "    answers: {s0: b}",
                        f"    next: {then}",
                    ]
                else:
                    lines += [f"  s{k}:", "    kind: instruction", f"    title: 第{k}步", "    text: [继续。]", f"    next: {then}"]
    lines += [
        "  details:",
        "    kind: input",
        "    ask: 现在填写邮件内容吗？",
        "    fields: [enterprise, contact_phone]",
        "    next: o5",
    ]
    for o in range(6):
        lines += [
            f"  o{o}:",
            "    kind: outcome",
            f"    title: 结果{o}",
            f"    business: 业务{o}",
            "    steps:",
            "      - 发送邮件至 {service_email}，主题“{enterprise}企业办理电子口岸的{business}业务”。",
            "      - 将卡寄至 {office}，收货人 {office.recipient}，电话 {office.phone}。",
            "      - {text: 选了乙时另需说明。, when: {s0: b}}",
            "    materials: [营业执照原件扫描件]",
            "    email:",
            "      to: service_email",
            '      subject: "{enterprise}企业办理电子口岸的{business}业务"',
            '      fields: [{label: 在办业务名称, value: "{business}"}, {label: 联系人电话, value: "{contact_phone}"}]',
            "      attachments: [营业执照原件扫描件]",
            "    mail: {item: 卡, to: office}",
            "    deadline: {duration: processing_time, counts_from: 收到之日}",
            "    contacts: [hotline]",
        ]
    return "\n".join(lines) + "\n"


def write_pack(directory: Path, flows: int) -> None:
    directory.mkdir()
    (directory / "_facts.yaml").write_text(FACTS, encoding="utf-8")
    for number in range(flows):
        (directory / f"flow-{number}.yaml").write_text(flow_yaml(number), encoding="utf-8")


def measure(directory: Path) -> tuple[int, float, float]:
    """States in the pack, seconds to load it, seconds to lint it (in this process)."""
    start = time.perf_counter()
    loaded = read_pack(directory)
    loaded_at = time.perf_counter()
    findings = [*loaded.findings, *lint(loaded)]
    linted_at = time.perf_counter()
    if findings or loaded.pack is None:
        sys.exit("the generated pack is not clean:\n" + "\n".join(map(str, findings[:10])))
    states = sum(len(flow.states) for flow in loaded.pack.flows.values())
    return states, loaded_at - start, linted_at - loaded_at


def measure_in_child(directory: Path) -> tuple[int, float, float]:
    output = subprocess.run([sys.executable, __file__, "--measure", str(directory)], check=True, capture_output=True, text=True).stdout
    states, load, check = json.loads(output)
    return states, load, check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=2, help="best of N interleaved runs")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child: one pack, JSON out
    args = parser.parse_args()
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        directories = {flows: Path(tmp) / f"pack-{flows}" for flows in args.sizes}
        for flows, directory in directories.items():
            write_pack(directory, flows)
        runs: dict[int, list[tuple[int, float, float]]] = {flows: [] for flows in args.sizes}
        for _ in range(args.repeat):
            for flows, directory in directories.items():
                runs[flows].append(measure_in_child(directory))

    print(f"{'flows':>7} {'states':>8} {'load s':>8} {'lint s':>8} {'total s':>8} {'states/s':>9} {'µs/state':>9} {'ratio':>6}")
    baseline = None
    for flows in args.sizes:
        states, load, check = min(runs[flows], key=lambda r: r[1] + r[2])
        total = load + check
        per_state = total / states
        baseline = baseline or per_state
        print(
            f"{flows:>7,} {states:>8,} {load:>8.2f} {check:>8.2f} {total:>8.2f} "
            f"{states / total:>9,.0f} {per_state * 1e6:>9.1f} {per_state / baseline:>6.2f}"
        )


if __name__ == "__main__":
    main()
