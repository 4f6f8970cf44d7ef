"""Simplified Chinese for the project file's messages (blueprint_studio.storage)."""

ZH: dict[str, str] = {
    "The file {name} does not exist.": "文件 {name} 不存在。",
    "{name} is a folder, not a Blueprint Studio project.":
        "{name} 是一个文件夹，不是服务蓝图工作室的项目。",
    "{name} is not a Blueprint Studio project.": "{name} 不是服务蓝图工作室的项目文件。",
    "{name} is empty, so it is not a Blueprint Studio project.":
        "{name} 是空文件，不是服务蓝图工作室的项目。",
    "{name} is a database of another program, not a Blueprint Studio project.":
        "{name} 是其他程序的数据库，不是服务蓝图工作室的项目。",
    "{name} was saved by a newer version of Blueprint Studio (file format {found}; "
    "this version reads up to {newest}), so please update Blueprint Studio to open it.":
        "{name} 由更新版本的服务蓝图工作室保存（文件格式 {found}，本版本最高只能读取 {newest}），"
        "请先升级服务蓝图工作室再打开。",
    "{name} is damaged and cannot be opened ({detail}); please open a backup copy.":
        "{name} 已损坏，无法打开（{detail}），请打开备份副本。",
    "{name} is damaged and cannot be opened; please open a backup copy.":
        "{name} 已损坏，无法打开，请打开备份副本。",
    "{name} is being saved by another program; please try again in a moment.":
        "{name} 正在被其他程序保存，请稍后再试。",
    "Blueprint Studio is not allowed to read {name}.": "服务蓝图工作室没有读取 {name} 的权限。",
    "Blueprint Studio is not allowed to write {name}.": "服务蓝图工作室没有写入 {name} 的权限。",
    "The disk is full, so {name} could not be saved.": "磁盘已满，{name} 未能保存。",
    "The folder for {name} does not exist.": "{name} 所在的文件夹不存在。",
    "{name} could not be read ({reason}).": "无法读取 {name}（{reason}）。",
    "{name} could not be saved ({reason}).": "无法保存 {name}（{reason}）。",
    "The project cannot be saved because it is inconsistent ({detail}).":
        "项目内容不一致，无法保存（{detail}）。",
    "{name} has been closed.": "{name} 已关闭。",
    "{name} was changed by another window or program after you opened it, so your changes "
    "were not written; they are still here: save them under another name to keep both.":
        "{name} 在你打开之后已被另一个窗口或程序修改，所以你的更改没有写入；这些更改仍然保留在这里："
        "请另存为其他名称，两份内容都能保留。",
    "{name} already exists; choose another name or delete it first.":
        "{name} 已存在；请换一个名称或先删除它。",
    "{name} holds more than Blueprint Studio takes ({detail}), so it cannot be opened.":
        "{name} 的内容超出了服务蓝图工作室的上限（{detail}），因此无法打开。",
}
