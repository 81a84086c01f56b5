"""Every user-visible sentence of the program, in one place.

Flow content (steps, facts, prompts of a procedure) lives in ``flows/``; this module
holds the program's own words: prompts of the wizard, messages, headings.
"""

# --- answers ----------------------------------------------------------------------
YES_LABEL = "是"
NO_LABEL = "否"
DONE_LABEL = "已完成，继续"
BACK_LABEL = "← 返回上一步"
RESTART_LABEL = "↺ 重新开始"
CONTROL_CHARACTERS = "不能包含换行、制表符或其他控制字符"
TOO_LONG = "太长了（最多 {limit} 个字）"
BAD_PHONE = "请输入手机号（如 13912345678）或带区号的座机（如 029-83196210）"
BAD_TRACKING = "快递单号应为 8–30 位字母或数字"
BAD_CARD_NUMBER = "卡号应为 6–32 位字母或数字"
INVALID_CHOICE = "“{value}”不是可选的答案"
INVALID_CONFIRM = "“{value}”不是是/否（可用 yes/no、是/否）"
OPTIONAL_HINT = "可留空，邮件中保留“{placeholder}”"
