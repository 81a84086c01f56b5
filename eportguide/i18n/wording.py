"""Every user-visible sentence of the program, in one place.

Flow content (steps, facts, prompts of a procedure) lives in ``flows/``; this module
holds the program's own words: prompts of the wizard, messages, headings.

Each text is written here in Chinese, the source language. Read as ``w.NAME``, it comes
out in the language spoken at that moment (``eportguide.i18n.catalogue``: the English is in
``locale/en/LC_MESSAGES/eportguide.po``); so a text is read when it is shown, never
kept from import time. After changing a text here, update the catalogue (README,
"Languages").
"""

import sys

# --- answers ----------------------------------------------------------------------
YES_LABEL = "是"
NO_LABEL = "否"
DONE_LABEL = "已完成，继续"
BACK_LABEL = "<< 返回上一步"
RESTART_LABEL = "<< 重新开始"
CONTROL_CHARACTERS = "不能包含换行、制表符或其他控制字符"
TOO_LONG = "太长了（最多 {limit} 个字）"
INVALID_CHOICE = "“{value}”不是可选的答案"
INVALID_CONFIRM = "“{value}”不是是/否（可用 yes/no、是/否）"

# --- errors -----------------------------------------------------------------------
ERROR_PREFIX = "错误："
BROKEN_PACK = "流程文件有错误，无法使用："
BROKEN_PACK_HINT = "运行 eportguide validate 查看全部问题。"
BROKEN_PACK_HINT_FLOWS = "运行 eportguide --flows {flows} validate 查看全部问题。"  # another pack than the shipped one
UNKNOWN_PROCEDURE = "没有名为“{id}”的办理流程。"
DID_YOU_MEAN = "您是不是要找：{ids}？"
SEE_LIST = "运行 eportguide list 查看全部流程。"
INVALID_ANSWER = "问题“{prompt}”（{key}）的答案无效：{message}"
VALID_VALUES = "可选值：{values}"
MISSING_ANSWER = "缺少问题“{prompt}”（{key}）的答案。"
MISSING_ANSWER_HINT = "用 --answer {key}=<值> 或 --answers FILE 提供答案{choices}；在终端中运行则会逐一提问。"
UNKNOWN_ANSWER_KEY = "流程 {flow} 没有问题“{key}”。"
UNKNOWN_ANSWER_KEY_HINT = "可用的问题：{keys}"
BAD_ANSWER_OPTION = "--answer 需要 ID=值 的形式，收到“{value}”。"
UNUSED_ANSWERS = "提示：以下答案在本次路径中未用到：{keys}"
ANSWERS_FILE_UNREADABLE = "无法读取答案文件 {path}：{reason}"
ANSWERS_FILE_NOT_MAPPING = "答案文件 {path} 应是“问题: 答案”的映射（YAML 或 JSON），而不是{found}。"
INTERRUPTED = "已中断。"  # not an error (issue 10): printed without 错误：
CLOSED_INPUT = "输入已关闭。"

# --- prompting --------------------------------------------------------------------
PROGRESS = "[步骤 {number}/{total}]"
PROGRESS_OPEN = "[步骤 {number}]"  # how many follow depends on the answers (issue 10)
SELECT_INSTRUCTION = "（方向键选择，回车确认）"
TEXT_INSTRUCTION = "（可留空，回车跳过）"
TEXT_INSTRUCTION_BACK = "（可留空，回车跳过；输入 <（或《）返回上一步，<< 重新开始）"
INSTRUCTION_PROMPT = "完成上述操作后继续"

# --- outcome ----------------------------------------------------------------------
H_ANSWERS = "您的回答"
H_STEPS = "办理步骤"
H_MATERIALS = "需准备的材料"
H_EMAIL = "申请邮件"
H_MAILING = "邮寄"
H_DEADLINE = "办理时限"
H_WARNINGS = "注意"
H_CONTACTS = "联系方式"
LEFT_BLANK = "（未填）"
EMAIL_TO = "收件人"
EMAIL_SUBJECT = "主题"
EMAIL_ATTACH = "附件"
EMAIL_ATTACHMENTS_LINE = "附件：{items}"  # in the e-mail's body: always Chinese (ALWAYS_CHINESE)
MAIL_ITEM = "寄出"
MAIL_ADDRESS = "地址"
MAIL_RECIPIENT = "收货人"
MAIL_PHONE = "收货人电话"
CONTACT_RECIPIENT = "（收货人：{recipient}，电话：{phone}）"
DEADLINE_DATES = "。若 {start} 为起算日，预计 {earliest} 至 {latest} 完成{what}"
DEADLINE_ESTIMATE = "（估算：{years} 年的官方节假日安排尚未收录，只按周一至周五计算，以官方公布为准）"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
SOURCE_LINE = "依据：电子口岸常见问题 {source}"
MAILTO_TEXT = "在邮件程序中打开（主题和正文已填好）："
FILE_TOO_LARGE = "文件太大（上限 {limit} 字节）"
NOT_UTF8 = "不是 UTF-8 编码的文本，请另存为 UTF-8"
LOOKS_GBK = "文件是 GBK 编码，请另存为 UTF-8 编码后重试"
NOT_TEXT = "不是文本文件"
NOT_YAML = "不是有效的 YAML 或 JSON"
AT_LINE = "（第 {line} 行）"
FOUND_LIST = "列表"
FOUND_SCALAR = "单个值"
ANSWERS_FILE_BAD_VALUE = "答案文件 {path} 中“{key}”的值应是文字，而不是列表或映射。"

# --- command line -----------------------------------------------------------------
APP_HELP = (
    "中国电子口岸（陕西）IC 卡业务办理向导：回答几个问题，得到办理步骤、材料、邮件、"
    "邮寄地址、热线和办理时限。\n\n在终端中直接运行 eportguide 会显示问题菜单。"
)
HELP_COMMANDS = "命令："
HELP_PROCEDURES = "办理流程（eportguide <流程> 即可运行）："
FLOW_COMMAND_HELP = "运行办理流程 {id}（同 eportguide run {id}）。"
UNKNOWN_COMMAND = "没有名为“{name}”的命令或办理流程。"
HELP_LIST = "列出全部办理流程。"
HELP_RUN = "运行一个办理流程。"
OPT_FLOWS = "使用另一个流程目录（也可设 EPORTGUIDE_FLOWS）。"
OPT_VERSION = "显示版本。"
OPT_FORMAT = "输出格式。"
NOT_A_FORMAT = "“{value}”不是可用的格式（可用：{choices}）。"
OPT_ANSWER = "预先给出答案：ID=值（值可为选项值或选项文字），可重复。"
OPT_ANSWERS = "从 YAML 或 JSON 文件读取答案。"
OPT_NO_INPUT = "从不提问：缺少答案即退出（代码 2）。"
OPT_OUTPUT = "把结果写入文件。"
OPT_EMAIL_DRAFT = "把申请邮件写成 .eml 草稿文件。"
OPT_NO_SAVE = "不保存本次进度。"
OPT_TODAY = "起算日期 YYYY-MM-DD（默认今天）。"
ARG_FLOW = "流程 ID，见 eportguide list。"
COL_ID = "ID"
COL_TITLE = "流程"
COL_CATEGORY = "类别"
WROTE_FILE = "已写入 {path}"
MENU_PROMPT = "请选择要办理的业务："
BAD_DATE = "日期“{value}”无效，应为 YYYY-MM-DD。"
DATE_OUT_OF_RANGE = "日期“{value}”超出范围：应在 {first} 年至 {last} 年之间。"
CANNOT_WRITE = "无法写入 {path}：{reason}"
ONLY_WHEN = "（仅当 {condition}）"
INTERNAL_ERROR = "eportguide 内部错误（{error}）。请把这行信息报告给维护者；设置 EPORTGUIDE_DEBUG=1 可查看详情。"

# --- outputs: e-mail draft, HTML checklist (issue 3) -------------------------------
NO_EMAIL_FOR_PATH = "“{outcome}”不需要发送申请邮件，因此没有写出邮件草稿 {path}。"
NO_EMAIL_FOR_PATH_HINT = "去掉 --email-draft，或选择需要发送申请邮件的办理方式。"
HTML_PRINT_HINT = "打印：在浏览器中按 Ctrl+P（A4 纸）；勾选框可在屏幕上勾选，也可打印后手写勾选。"

# --- flow authoring: validate, schema, graph, show --paths (issue 5) ---------------
HELP_VALIDATE = "检查流程目录：语法、引用、走不到或走不出的状态、没有结果的循环、未使用的事实。"
HELP_SCHEMA = "输出流程文件（flow）或共享事实文件（shared）的 JSON Schema，供编辑器补全和检查。"
HELP_GRAPH = "把一个流程画成图（Mermaid 或 Graphviz dot）。"
ARG_VALIDATE_PATHS = "流程目录或其中的流程文件（默认：当前使用的流程目录）。"
OPT_STRICT = "警告也算失败（退出代码 1）。"
OPT_SCHEMA_WRITE = "重新生成随软件发布的 schema 文件（维护者修改模型后使用）。"
OPT_PATHS = "列出从开始到结果的每一条路径及其答案。"
PATH_NOT_FOUND = "找不到 {path}。"
NOT_A_FLOW_FILE = "{path} 不是流程文件（应为流程目录中的 .yaml 文件）。"
VALIDATE_SUMMARY = "检查了 {flows} 个流程（{states} 个状态）：{errors} 个错误，{warnings} 个警告。"
VALIDATE_STRICT_FAILS = "使用了 --strict：警告也算失败。"
WROTE_SCHEMA = "已写入 {path}"
PATHS_FORMATS = "--paths 只支持 --format text 或 json。"
PATHS_TITLE = "{title}（{id}）：共 {count} 条路径"
PATH_HEADING = "路径 {number} → {outcome}：{title}"
PATH_THROUGH = "途经 {flow} 的结果 {outcome}：{title}"
PATH_ANSWER = "{prompt} → {label}（{key}={value}）"
PATH_PRESET = "（上级流程预设）"
PATH_COMMAND = "重现：{command}"
GRAPH_START = "开始"
GRAPH_SUBFLOW = "先办理 {flow}{preset}"
GRAPH_INPUT = "填写：{fields}"

# --- help desk: search, triage, review, sessions (issue 4) -------------------------
HELP_SEARCH = "按问题描述查找办理流程（中文或英文关键词），最相关的在前。"
HELP_SESSIONS = "列出保存的办理进度（中断后可用 eportguide resume 继续）。"
HELP_RESUME = "继续一次保存的办理：默认最近一次未完成的。"
ARG_SEARCH_WORDS = "问题描述，如：法人卡被锁了、U盾丢了、unlock operator card。"
ARG_SESSION = "会话名（见 eportguide sessions；可只写开头，能唯一确定即可）。"
OPT_SEARCH_LIMIT = "最多列出几个流程。"
OPT_SESSIONS_CLEAR = "删除已完成的会话（未完成的先询问，不在终端中则保留；--all 全部删除）。"
COL_WHY = "匹配依据"
COL_SESSION = "会话"
COL_UPDATED = "更新时间"
SEARCH_NO_MATCH = "没有办理流程与这些词相符。"  # issue 10: not "the FAQ does not cover it": the words may not say it
SEARCH_BROWSE = "可以换个说法，或运行 eportguide list 浏览全部流程"
SEARCH_BROWSE_MENU = "可以换个说法，或按类别选择全部流程"
SEARCH_NO_MATCH_HOTLINE = "；仍未找到，请致电中国电子口岸客服热线：{hotline}"
SEARCH_RUN_HINT = "运行 eportguide {id} 开始办理。"
TRIAGE_PROMPT = "遇到了什么问题？"
TRIAGE_INSTRUCTION = "（用几个字描述，如“法人卡被锁了”；直接回车则按类别选择）"
TRIAGE_PICK = "可能的办理流程（最相关的在前）："
TRIAGE_DESCRIBE_AGAIN = "<< 换个说法重新描述"
TRIAGE_BROWSE = "<< 按类别选择全部流程"
TRIAGE_NEXT = "接下来："
REVIEW_PROMPT = "请核对您的回答（选择一项可修改）："
REVIEW_CONFIRM = "确认无误，查看办理结果"
REVIEW_ITEM = "修改：{prompt}  [{answer}]"
NOTE_DATE = "记录日期：{date}"
STATUS_DONE = "已完成"
NO_SESSIONS = "没有保存的会话。"
SESSIONS_CLEARED = "已删除 {count} 个会话文件（{path}）。"
SESSIONS_WHERE = "会话保存在 {path}"
SESSION_NOT_FOUND = "没有名为“{name}”的会话。"
SESSION_NOT_FOUND_HINT = "运行 eportguide sessions 查看保存的会话。"
NOTHING_TO_RESUME = "没有未完成的会话可以继续。"
SESSION_ALREADY_DONE_HINT = "重新办理请运行 eportguide {flow}。"
SESSION_CORRUPT = "会话文件 {path} 已损坏或无法读取（{reason}）"
SESSION_SET_ASIDE = "，已改名为 {path}，不再使用"
SESSION_NOT_A_SESSION = "不是有效的会话记录"
SESSION_FLOW_GONE = "会话 {id} 的办理流程“{flow}”已不存在。"
SESSION_FLOW_CHANGED = "流程 {flow} 在保存后已修改：仍然适用的回答已保留，其余问题会重新询问。"
SESSION_PACK_GONE = "会话保存时使用的流程目录 {path} 已不存在，改用当前的流程目录。"
SESSION_RESUMING = "继续会话 {id}（{flow}，已答 {count} 题）。"
SESSION_NOT_SAVED = "提示：无法保存办理进度（{path}：{reason}），本次办理照常进行，但中断后无法继续。"
RESUME_COMMAND = "eportguide resume {id}"
RESUME_HINT = "回答已保存在 {path}\n继续办理请运行：{command}"

# --- after the outcome ------------------------------------------------------------
KEEP_FILES_PROMPT = "要把清单保存为可打印的 HTML 文件{email}吗？（保存在当前目录）"
KEEP_FILES_EMAIL = "，并生成申请邮件草稿（.eml，可用邮件程序打开）"

# --- flows pack findings (validate) ---------------------------------------------------
# What ``eportguide validate`` (and a run over a broken pack) says about a flows pack,
# one template per finding. YAML key names, state ids and values stay verbatim inside
# “”; the rule ids in [brackets] are machine keys and are not written here.
F_WARNING = "警告："
F_WHERE_FLOW_STATE = "（流程 {flow}，状态 {state}）"
F_WHERE_FLOW = "（流程 {flow}）"
F_WHERE_STATE = "（状态 {state}）"
F_DID_YOU_MEAN = "（是不是“{name}”？）"
F_LIST_SEPARATOR = "、"
# the kinds of YAML value, for "应为…，实际是…"
F_KIND_TEXT = "文字"
F_KIND_WHOLE_NUMBER = "整数"
F_KIND_NUMBER = "数字"
F_KIND_YES_NO = "是/否（true/false）"
F_KIND_LIST = "列表"
F_KIND_MAPPING = "映射（键: 值）"
F_KIND_NOTHING = "空值"
F_KIND_OR = "或"
# reading the files
F_NO_PACK_DIRECTORY = "找不到流程目录"
F_NO_SHARED_FILE = "缺少共享事实文件"
F_NO_FLOW_FILES = "目录中没有流程文件"
F_LINKS_OUTSIDE = "文件链接到流程目录之外，未读取"
F_FILE_TOO_LARGE = FILE_TOO_LARGE  # the same sentence as for an answers file
F_NOT_UTF8 = "不是 UTF-8 编码的文本（第 {byte} 个字节无法解码），请另存为 UTF-8"
F_CANNOT_READ = "无法读取：{reason}"
F_YAML_SYNTAX = "YAML 语法错误，请检查这里附近的缩进、冒号、引号和括号（解析器原文：{detail}）"
F_YAML_OTHER = "无法读取 YAML（解析器原文：{detail}）"
F_DUPLICATE_KEY = "键“{key}”重复出现（同一层只能写一次，否则只有最后一个生效）"
# the schema of each file
F_EXPECTED = "应为{expected}，实际是{found}"
F_NOT_ONE_OF = "“{value}”不是允许的值{hint}；允许的值：{allowed}"
F_KEY_NOT_TEXT = "键“{key}”应为文字"
F_MISSING_KEY = "缺少必填的键“{key}”"
F_UNKNOWN_KEY = "未知的键“{key}”{hint}"
F_UNKNOWN_KIND = "未知的状态类型“{kind}”{hint}；可用的类型：{kinds}"
# flow ids
F_DUPLICATE_FLOW = "流程 ID“{id}”重复（{file} 中也有）"
F_ID_NOT_FILE_NAME = "流程 ID“{id}”与文件名“{stem}”不一致"
F_RESERVED_ID = "流程 ID“{id}”与内置命令同名"
# references between states, facts, input fields and flows
F_UNKNOWN_START = "开始状态“{target}”不存在{hint}"
F_UNKNOWN_STATE = "下一状态“{target}”不存在{hint}"
F_DUPLICATE_CHOICE = "选项值“{value}”重复"
F_UNKNOWN_FACT = "未知的事实“{name}”{hint}"
F_UNKNOWN_FACT_IN_TEXT = "文字中引用了未知的事实“{name}”{hint}"
F_UNKNOWN_ATTRIBUTE = "未知的属性“{name}.{attribute}”"
F_FACT_KIND = "事实“{name}”的类型是“{actual}”，这里需要“{expected}”"
F_DURATION_NEEDS_DAYS = "时限“{name}”需要填写“min_working_days”和“max_working_days”"
F_UNKNOWN_FIELD = "未知的输入项“{name}”{hint}"
F_FIELD_NAMED_LIKE_STATE = "输入项“{name}”与一个状态同名"
F_UNKNOWN_CONDITION_QUESTION = "条件中的问题“{key}”不存在{hint}"
F_NOT_AN_ANSWER = "“{value}”不是问题“{key}”的答案{allowed}"
F_ALLOWED_ANSWERS = "（可选：{values}）"
F_UNKNOWN_SUBFLOW = "子流程“{flow}”不存在{hint}"
F_SELF_ENTRY = "流程只有带预设答案（“answers”）时才能进入自身"
F_SUBFLOW_NO_QUESTION = "流程“{flow}”没有问题“{key}”"
F_ORDER_UNKNOWN_FLOW = "“order”中列出的流程“{flow}”不存在"
F_NOT_A_DATE = "“{text}”不是日期（应为 YYYY-MM-DD）"
# each flow as a graph, and the pack as a whole
F_UNREACHABLE = "从开始状态“{start}”走不到状态“{state}”"
F_NO_CHOICES = "选择题“{state}”没有任何选项：走到这里就无法继续"
F_EMPTY_OUTCOME = "结果“{state}”没有步骤（“steps”）：没有告诉用户该做什么"
F_ENDLESS_LOOP = "从循环 {loop} 走不到任何结果"
F_LOOP = "状态 {loop} 构成循环；一次办理不能回到已经回答过的状态"
F_LOOP_ARROW = " → "
F_SUBFLOW_CYCLE = "子流程互相进入，没有尽头：{chain}"
F_UNUSED_FACT = "没有流程用到事实“{name}”"
F_UNUSED_FIELD = "没有流程询问输入项“{name}”"

# --- decision guide (show), handbook, printable HTML (issue 11) -----------------------
FLOW_REFERENCE = "《{title}》"  # another procedure named in a text: {flow:ID} in a flow file
ONLY_WHEN_ANSWERED = "（仅当“{prompt}”答“{labels}”时）"
ANSWER_SEPARATOR = "或"
GUIDE_QUESTION = "问题 {number}"
GUIDE_STEP = "步骤 {number}"  # an instruction: something to do, then go on
GUIDE_PLAN = "办理方案 {letter}"
GUIDE_PLAN_TITLE = "{name}：{title}"
GUIDE_ARROW = "→"
GUIDE_DETOUR = "先按{flow}中 {choices} 的办法办理"
GUIDE_DETOUR_WHOLE = "先按{flow}办理"
GUIDE_DETOUR_PLAN = "（{plan}）"
GUIDE_THEN = "，然后"
GUIDE_BEGIN = "不需回答问题，直接"
GUIDE_DONE = "完成后"
GUIDE_IDS = "〔{ids}〕"  # --ids: the state ids and answer values a line stands for
GUIDE_IDS_DETOUR = "{state}（{flow}：{answers}）"
HELP_SHOW = "不提问，显示一个流程的全部分支：编号的问题、每个答案通向哪里、每个办理方案的清单。"
OPT_IDS = "同时显示状态 ID、答案值（供编写流程的人核对）。"
HELP_HANDBOOK = "生成全部办理流程的手册：一个可离线打开、可点击、可打印的文件（HTML 或 Markdown）。"
OPT_HANDBOOK_OUTPUT = "把手册写入文件（不写则输出到屏幕）。"
HANDBOOK_TITLE = "电子口岸IC卡业务办理手册"
HANDBOOK_SUBTITLE = "全部 {count} 个办理流程：要回答的问题、每种情况的办理方案、联系方式"
HANDBOOK_SOURCE = "依据：电子口岸常见问题（每个流程注明所依据的章节）"
HANDBOOK_PACK_SHIPPED = "流程：eportguide {version} 自带的流程"
HANDBOOK_PACK_OTHER = "流程目录：{path}"
HANDBOOK_MADE = "生成日期：{date}"
HANDBOOK_HOTLINE = "遇到手册未涉及的问题，请致电客服热线：{hotline}"
HANDBOOK_CONTENTS = "目录"
HANDBOOK_CONTACTS = "联系方式"
HANDBOOK_SEE_CONTACTS = "见本手册“{heading}”：{labels}"
HANDBOOK_HINT = (
    "在屏幕上：点击答案即跳到下一个问题或办理方案。打印：在浏览器中按 Ctrl+P（A4 纸），"
    "每个流程从新的一页开始。本文件不需联网，可直接用邮件发送或放在内网上。"
)
PAGE_TITLE = "{outcome} — {flow}"
PAGE_TITLE_FOR = "{outcome}（{who}） — {flow}"
PHONE_AREA = "（即 {full}：区号由本工具据{source}的号码补注）"
PHONE_AREA_INLINE = "，即 {full}；区号由本工具据{source}的号码补注"
F_UNKNOWN_FLOW_IN_TEXT = "文字中引用了不存在的流程“{flow}”{hint}"

# --- dates: the law's holidays, make-up days, eportguide calendar (issue 9) ---------
# The source never says from which day a time limit counts: the start is our assumption.
DEADLINE_LINE = "{what}时限{text}，本工具假定自{counts_from}起算（常见问题未说明从哪天起算）"
DAY = "{date}（{weekday}）"
DAY_MAKEUP = "{date}（{weekday}，调休上班）"
DAY_SPAN = "{first} 至 {last}"
HOLIDAY_DAYS = "{name}（{days}）"
_MAKEUP_UNKNOWN = "调休（另外放假和周末补班的日子）尚未公布，以官方公布为准）"
DEADLINE_ESTIMATE_LAW = "（估算：国务院尚未公布{years}年的放假安排，已跳过法定节假日{holidays}；" + _MAKEUP_UNKNOWN
DEADLINE_ESTIMATE_LAW_NONE = "（估算：国务院尚未公布{years}年的放假安排，期间没有法定节假日；" + _MAKEUP_UNKNOWN
HELP_CALENDAR = "显示一年的放假和调休上班日及其来源（官方安排、流程包的日历文件或按法定节假日估算）。"
ARG_YEAR = "年份（默认今年）。"
YEAR_OUT_OF_RANGE = "年份 {value} 超出范围：应在 {first} 年至 {last} 年之间。"
CALENDAR_TITLE = "{year} 年的放假和调休"
CALENDAR_SOURCE = "来源："
CALENDAR_FROM_LIBRARY = "官方安排（国务院的放假通知，由 chinese-calendar {version} 收录）"
CALENDAR_FROM_PACK = "官方安排（流程包的日历文件 {path}）"
CALENDAR_PACK_REST_LIBRARY = "；文件中未列出的日子按 chinese-calendar {version} 收录的官方安排"
CALENDAR_PACK_REST_LAW = "；文件中未列出的日子按法定节假日和周末"
CALENDAR_PACK_REST_WEEK = "；文件中未列出的日子按周一至周五上班"
CALENDAR_FROM_LAW = "按法定节假日估算（国务院尚未公布{year}年的放假安排：chinese-calendar {version} 和流程包的日历文件都没有收录）"
CALENDAR_FROM_WEEK = "估算（没有 {year} 年的节假日资料，只按周一至周五上班计算）"
CALENDAR_LAW_COUNTED = "已按《全国年节及纪念日放假办法》计入的法定节假日：{holidays}。"
CALENDAR_LAW_UNKNOWN = "调休（另外放假和周末补班的日子）尚未公布，以官方公布为准。"
CALENDAR_UPDATE = "国务院公布放假安排后：安装新版 chinese-calendar（pip install -U chinese-calendar），或把通知中的日期写入 {path}。"
CALENDAR_DAYS_OFF = "周一至周五放假（{count} 天）："
CALENDAR_MAKEUP = "周末调休上班（{count} 天）："
CALENDAR_MAKEUP_UNKNOWN = "周末调休上班：尚未公布"
CALENDAR_MAKEUP_NO_DATA = "周末调休上班：没有资料"
CALENDAR_NONE = "  无"
CALENDAR_DAY = "  {day}  {holiday}"
CALENDAR_FROM_FILE = "（日历文件）"

# --- e-mail details: refuse only what cannot go into the field, warn of the rest (issue 9)
UNUSUAL_PHONE = "不像手机号（如 13912345678）或座机号（如 029-83196210、83196210）"
UNUSUAL_TRACKING = "不像常见的快递单号（8–30 位字母或数字，子单号可带 -1-1- 这样的后缀）"
UNUSUAL_CARD_NUMBER = "不像常见的卡号（6–32 位字母或数字）"
UNUSUAL_KEPT = "请核对：{prompt}“{value}”{reason}。已照填；如有误，可在核对回答时修改。"
UNUSUAL_ANSWER = "提示：问题“{prompt}”（{key}）的答案“{value}”{reason}；已照填，请核对。"

# --- new users: formats, narrow terminals, triage, sessions, attachments (issue 10) ------
OPT_RUN_FORMAT = "输出格式。默认：在终端中显示；-o 按文件扩展名（.html .md .txt .json）选择；输出到管道或文件时为 text。"
TRIAGE_BACK_TO_QUESTION = "<< 返回：遇到了什么问题？"
INVALID_TYPED = "！{problem}"
OPT_NOTE = "给这次办理加一句备注（如来电企业、来电人），显示在 eportguide sessions 中。"
SESSION_AMBIGUOUS = "“{name}”不止指一个会话（{count} 个），请写得更长一些："
SESSION_AMBIGUOUS_HINT = "写出完整的会话名，或它末尾的随机标记（如 c968）。"
COL_WHO = "企业／备注"
COL_STATE = "状态／结果"
STATUS_DONE_OUTCOME = "已完成：{outcome}"
STATUS_OPEN_ANSWERED = "未完成，已答{count}题"
NOTHING_NOTED = "—"
SESSION_SHOWN_AGAIN = "会话 {id}（{flow}）已经完成，以下是它的办理结果。"
OPT_SESSIONS_ALL = "与 --clear 同用：未完成的会话也删除。"
SESSIONS_KEPT_OPEN = "保留了 {count} 个未完成的会话；要一并删除，请运行 eportguide sessions --clear --all。"
SESSIONS_CLEAR_OPEN_TOO = "还有 {count} 个未完成的会话（删除后无法继续），也删除吗？"
OPT_ATTACH = "把文件放入申请邮件草稿（与 --email-draft 同用，可重复；按流程所列附件的顺序）。"
ATTACH_MISSING = "找不到要附加的文件 {path}。"
ATTACH_NOT_A_FILE = "{path} 是文件夹，不是可附加的文件。"
ATTACH_UNREADABLE = "无法读取要附加的文件 {path}：{reason}"
ATTACH_TOO_LARGE = "注意：{name} 有 {size} MB，超过 {limit} MB，许多邮件服务器会拒收，可压缩或分开发送。"
ATTACH_PROMPT = "附件“{item}”的文件路径"
ATTACH_INSTRUCTION = "（可把文件拖进窗口；回车跳过，稍后在邮件程序中添加）"
ATTACHED_AS = "{item}（已放入草稿：{file}）"
ATTACH_STILL_TO_ADD = "{item}（待添加）"
ATTACHED_MORE = "另附：{files}"
ATTACH_SUMMARY = "邮件草稿的附件：{status}"
ATTACH_WITHOUT_DRAFT = "--attach 只用于申请邮件草稿：请同时给出 --email-draft FILE.eml。"
SESSION_BLOCK = "{who}｜{state}"

# --- issue 15 content: flows in another language (flows/en/), glosses, their checks -------
# A text kept as written (the e-mail the e-port requires, a name on its website) with
# its reading in the language spoken beside it.
GLOSSED = "{text} ({gloss})"
EMAIL_KEPT_AS_WRITTEN = "电子口岸要求用中文发送这封邮件：请照原文发送，括号中的译文仅供阅读。"
# The e-mail's own body (with EMAIL_ATTACHMENTS_LINE above): the e-port reads it in
# Chinese whatever language is spoken, so these three are never translated.
EMAIL_BODY_FIELD = "{label}：{value}"
EMAIL_BODY_SEPARATOR = "、"
# validate: translations (rules missing-translation, orphan-translation, translation-…)
F_NO_TRANSLATION = "“{text}”没有 {language} 译文（应写在 {file}）"
F_NO_TRANSLATION_FILE = "流程没有 {language} 译文（应写在 {file}）"
F_TRANSLATION_NO_FLOW = "译文所译的流程“{flow}”不存在{hint}"
F_TRANSLATION_NO_STATE = "译文所译的状态“{state}”不存在{hint}"
F_TRANSLATION_NO_TEXT = "原文在这里没有“{key}”，无从翻译"
F_TRANSLATION_NO_CHOICE = "状态“{state}”没有选项值“{value}”{hint}"
F_TRANSLATION_EXTRA_ITEM = "原文的“{key}”只有 {count} 项，这一项没有对应的原文"
F_TRANSLATION_NO_FACT = "译文所译的事实“{name}”不存在{hint}"
F_TRANSLATION_KEPT_VALUE = "事实“{name}”的值照原样显示（地址、邮箱、网址和号码不翻译），不能有译文"
F_TRANSLATION_NO_FIELD = "译文所译的输入项“{name}”不存在{hint}"
F_TRANSLATION_NO_CATEGORY = "没有流程属于类别“{category}”{hint}"
F_TRANSLATION_PLACEHOLDERS = "译文引用的事实、输入项或流程与原文不同：{details}"
F_TRANSLATION_REFERENCES_MISSING = "缺少原文的 {names}"
F_TRANSLATION_REFERENCES_EXTRA = "多出原文没有的 {names}"
F_TRANSLATION_DETAILS_SEPARATOR = "；"
F_TRANSLATION_NUMBERS = "原文的数字 {numbers} 在译文中没有"
F_TRANSLATION_CHINESE = "译文中还有中文“{text}”（网站上的名称写作 {{site:名称}}，并在 {file} 的 site_names 中翻译）"
F_UNKNOWN_SITE_NAME = "网站名称“{name}”没有译文（在 {file} 的 site_names 中添加）{hint}"
ARG_SCHEMA_WITH_TRANSLATIONS = (
    "flow：流程文件；shared：共享事实文件 _facts.yaml；"
    "translation、shared-translation：它们的译文（如 en/unlock-card.yaml、en/_facts.yaml）。"
)
F_UNUSED_SITE_NAME = "没有译文用到网站名称“{name}”"

# --- typer/click's own words, the language, punctuation (issue 10 item 13, issue 15) ---
# Kept Chinese in every language: the body of the e-mail the e-port requires (the
# EMAIL_BODY_* constants come with the e-mail's gloss, issue 15's content part).
ALWAYS_CHINESE = frozenset({"EMAIL_ATTACHMENTS_LINE", "EMAIL_BODY_FIELD", "EMAIL_BODY_SEPARATOR"})
# the help screens
USAGE_PREFIX = "用法："
HELP_ARGUMENTS = "参数："
HELP_OPTIONS = "选项："
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."
OPT_HELP = "显示本帮助并退出。"
HELP_EXTRA = "[{items}]"  # after an option's help: its default, whether it is required…
HELP_EXTRA_SEPARATOR = "；"
HELP_DEFAULT = "默认：{value}"
HELP_REQUIRED = "必填"
HELP_ENVVAR = "环境变量：{name}"
HELP_AT_LEAST = "至少 {minimum}"
HELP_AT_MOST = "至多 {maximum}"
# usage errors (exit 2)
USAGE_HINT = "用法：{usage}\n运行 {command} --help 查看说明。"
MISSING_ARGUMENT = "缺少参数 {name}。"
MISSING_OPTION = "缺少选项 {name}。"
NO_SUCH_OPTION = "没有选项 {name}。"
OPTION_NEEDS_VALUE = "选项 {name} 需要一个值。"
OPTION_TAKES_NO_VALUE = "选项 {name} 不接受值。"
EXTRA_ARGUMENTS = "多余的参数：{arguments}"
INVALID_VALUE = "{name} 的值无效：{reason}。"
NOT_ONE_OF = "“{value}”不是可选的值（可选：{choices}）"
NOT_A_WHOLE_NUMBER = "“{value}”不是整数"
BELOW_MINIMUM = "{value} 小于 {minimum}"
ABOVE_MAXIMUM = "{value} 大于 {maximum}"
PATH_IS_A_FOLDER = "{path} 是文件夹，不是文件"
PATH_IS_A_FILE = "{path} 是文件，不是文件夹"
UNKNOWN_COMMAND_SEARCH = "要按问题描述查找办理流程，请运行：{command}"
# the language
OPT_LANG = "界面语言：zh（中文，默认）或 en（英文）；也可设 EPORTGUIDE_LANG。"
UNKNOWN_LANGUAGE = "“{value}”不是可用的语言（可用：{choices}）。"
UNKNOWN_LANGUAGE_ENV = "环境变量 EPORTGUIDE_LANG 的值“{value}”不是可用的语言（可用：{choices}）。"
# what the system says when a file cannot be read or written (its own words are English)
OS_NOT_FOUND = "文件或文件夹不存在"
OS_PERMISSION = "没有权限"
OS_IS_A_FOLDER = "是文件夹，不是文件"
OS_NOT_A_FOLDER = "路径中有一部分不是文件夹"
OS_NO_SPACE = "磁盘空间不足"
OS_READ_ONLY = "文件系统只读"
OS_NAME_TOO_LONG = "文件名太长"
OS_OTHER = "系统错误 {number}（{detail}）"
# yes and no as typed (besides yes/no/true/false/1/0, which every language accepts)
YES_WORDS = "是 是的 对"
NO_WORDS = "否 不是 不"
# punctuation the program puts between words it shows
LIST_SEPARATOR = "、"
CLAUSE_SEPARATOR = "；"
PRESET_SEPARATOR = "，"  # key=value pairs: answers a sub-flow starts with, a line's condition
PARENTHESISED = "（{text}）"
LABELLED = "{label}：{text}"
FULL_STOP = "。"
TEXT_HEADING = "【{heading}】"  # a section of the plain-text checklist
TEXT_GROUP = "〔{group}〕"
GUIDE_HEADING = "{name}　{prompt}"  # 问题 2　法人卡现在能正常登录吗？
TEXT_GUIDE_HEADING = "【{name}】{prompt}"
MENU_ENTRY = "{title}（{id}）"
LABEL_PAD = "\u3000"  # pads a label of the plain-text checklist: as wide as a Chinese character
GRAPH_SUBFLOW_TITLED = "{jump}：{title}"
# the holidays' names, as the law and chinese-calendar give them (eportguide.workdays.dates)
HOLIDAYS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")


# --- reliability: bounded reading, output that cannot be written (issue 12) ----------
YAML_NUMBER_TOO_LONG = "数字太长（超过 {limit} 位）；如果它是文字（如卡号），请加引号"
YAML_ALIAS_LOOP = "别名（*名称）引用了包含它自己的锚点（&名称），展开没有尽头"
YAML_TOO_MANY_ALIASES = "这里的锚点（&名称）被别名（*名称）反复引用，展开后多出超过 {limit} 个值，不予读取"
ANSWERS_FILE_DUPLICATE_KEY = "答案文件 {path} 第 {line} 行：“{key}”重复出现（每个问题只能回答一次）。"
MORE_KEYS = "……（共 {count} 个）"
SESSIONS_NOT_A_SESSION_FILE = "跳过 {path}：不是会话文件，未删除。"
STANDARD_OUTPUT = "标准输出"
STANDARD_ERROR = "标准错误输出"
CHARACTERS_REPLACED = "注意：有 {count} 个字符无法用当前终端的编码（{encoding}）显示，已显示为“?”；完整内容可用 -o FILE 写入文件（UTF-8）。"
ARGUMENT_NOT_UTF8 = "参数“{value}”不是有效的 UTF-8 文本。"
SAME_OUTPUT_FILES = "-o 与 --email-draft 指向同一个文件 {path}：邮件草稿会被覆盖。"
SAME_OUTPUT_FILES_HINT = "给两者不同的文件名，如 -o 清单.html --email-draft 申请邮件.eml。"
F_ID_NOT_A_COMMAND = "流程 ID“{id}”不能用作命令：应以字母或数字开头，只含字母、数字、“-”、“_”和“.”"
F_DURATION_RANGE = "时限“{name}”的工作日数应在 0 到 {limit} 之间，且“min_working_days”不大于“max_working_days”"


def source(name: str) -> object:
    """The Chinese text of constant ``name``, whatever language is spoken."""
    return globals()[name]


# Last: from here on, w.NAME is the text in the language spoken when it is read.
from eportguide.i18n import catalogue  # noqa: E402

catalogue.install(sys.modules[__name__])
