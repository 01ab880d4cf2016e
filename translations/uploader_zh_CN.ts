<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../uploader_gui/ui/base/actions.py" line="+83" />
            <source>&amp;Add Images…</source>
            <translation>添加图片(&amp;A)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose image files to upload</source>
            <translation>选择要上传的图片文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Paste</source>
            <translation>粘贴(&amp;P)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload the image or files on the clipboard</source>
            <translation>上传剪贴板中的图片或文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Take &amp;Screenshot…</source>
            <translation>截图(&amp;S)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pick a screen, window or area with the desktop's tool, then upload it</source>
            <translation>用桌面自带的工具选择屏幕、窗口或区域，然后上传</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quit uploader-gui</source>
            <translation>退出 uploader-gui</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Copy Selected</source>
            <translation>复制所选(&amp;C)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the selected links in the chosen format</source>
            <translation>以所选格式复制选中的链接</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy URL</source>
            <translation>复制 URL</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy &amp;All</source>
            <translation>全部复制(&amp;A)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy every finished link, one per line</source>
            <translation>复制所有已完成的链接，每行一个</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Select A&amp;ll</source>
            <translation>全选(&amp;L)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select every row</source>
            <translation>选择所有行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Open in Browser</source>
            <translation>在浏览器中打开(&amp;O)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open the selected links in the browser</source>
            <translation>在浏览器中打开选中的链接</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send the selected files again</source>
            <translation>重新发送选中的文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;hrink and Retry</source>
            <translation>缩小后重试(&amp;H)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send a smaller copy of the selected files the service found too large</source>
            <translation>对于被服务判定为过大的选中文件，发送缩小后的副本</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Shrink and Retry</source>
            <translation>缩小后重试</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Retry All &amp;Failed</source>
            <translation>重试所有失败项(&amp;F)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send every failed file again</source>
            <translation>重新发送所有失败的文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Send &amp;Interrupted Files</source>
            <translation>发送中断的文件(&amp;I)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send every file that was not uploaded when uploader-gui last stopped</source>
            <translation>发送 uploader-gui 上次停止时尚未上传的所有文件</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop uploading the selected files</source>
            <translation>停止上传选中的文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove the selected rows from the list</source>
            <translation>从列表中移除选中的行</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Delete from Server…</source>
            <translation>从服务器删除(&amp;D)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete the selected uploads from the server they were uploaded to</source>
            <translation>将选中的上传从其所在的服务器上删除</translation>
        </message>
        <message>
            <location line="+7" />
            <source>C&amp;lear Finished</source>
            <translation>清除已完成(&amp;L)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove every finished row</source>
            <translation>移除所有已完成的行</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+50" />
            <source>&amp;Uploads</source>
            <translation>上传(&amp;U)</translation>
        </message>
        <message>
            <location line="-48" />
            <source>This session's uploads</source>
            <translation>本次会话的上传</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;History</source>
            <translation>历史记录(&amp;H)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Every upload, searchable</source>
            <translation>所有上传，可搜索</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>API key, API URL, parallel uploads and more</source>
            <translation>API 密钥、API URL、并行上传等</translation>
        </message>
        <message>
            <location line="+4" />
            <source>API &amp;Key…</source>
            <translation>API 密钥(&amp;K)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the API key for this server</source>
            <translation>输入此服务器的 API 密钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change Key…</source>
            <translation>更改密钥…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy URLs &amp;When a Drop Finishes</source>
            <translation>拖放的文件完成后复制 URL(&amp;W)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Put the links of a drop on the clipboard once all of its files are done</source>
            <translation>一次拖放的所有文件都完成后，将它们的链接放到剪贴板</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Copy &amp;Format</source>
            <translation>复制格式(&amp;F)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location line="+53" />
            <source>{tip} ({shortcut})</source>
            <translation>{tip}（{shortcut}）</translation>
        </message>
    </context>
    <context>
        <name>Destinations</name>
        <message>
            <location filename="../uploader_gui/core/client.py" line="+210" />
            <source>{destination} has no deletion request</source>
            <translation>{destination} 没有删除请求</translation>
        </message>
        <message>
            <location line="+94" />
            <source>{destination} does not take {type} images</source>
            <translation>{destination} 不接受 {type} 图片</translation>
        </message>
        <message>
            <location line="+53" />
            <source>{destination} refused the credentials (HTTP {{status}})</source>
            <translation>{destination} 拒绝了凭据（HTTP {{status}}）</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/contract.py" line="+62" />
            <source>{destination}: {field} is not set; add it in Settings ▸ Destinations</source>
            <translation>{destination}：未设置 {field}；请在 设置 ▸ 上传目标 中添加</translation>
        </message>
        <message>
            <location line="+63" />
            <source>{destination}: the request URL {url} is not on {origin}, where its secrets may go</source>
            <translation>{destination}：请求 URL {url} 不在 {origin} 上，而机密只能发送到该处</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{destination} declares no deletion request</source>
            <translation>{destination} 未声明删除请求</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the deletion URL is on {host}, not on {origin}: its secrets are not sent there</source>
            <translation>删除 URL 位于 {host}，而不是 {origin}：不会将机密发送到那里</translation>
        </message>
        <message>
            <location line="+23" />
            <source>{destination}: {reader} gave no usable URL ({problem}); the reply starts: {start}</source>
            <translation>{destination}：{reader} 没有得到可用的 URL（{problem}）；响应的开头为：{start}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/readers_json.py" line="+33" />
            <source>it uses {what}, which selects several values: ShareX fails on more than one, and uploader-gui reads only names, [n] and ['name']</source>
            <translation>它使用了 {what}，会选中多个值：ShareX 遇到多个值会出错，而 uploader-gui 只识别名称、[n] 和 ['name']</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the JSON path is empty</source>
            <translation>JSON 路径为空</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{character} follows an index</source>
            <translation>索引后面跟着 {character}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>unexpected {character} in the JSON path</source>
            <translation>JSON 路径中出现意外的 {character}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>the JSON path ends with a dot</source>
            <translation>JSON 路径以点号结尾</translation>
        </message>
        <message>
            <location line="+19" />
            <source>ShareX reads only single quotes: write ['name'], not ["name"]</source>
            <translation>ShareX 只识别单引号：请写 ['name']，而不是 ["name"]</translation>
        </message>
        <message>
            <location line="+12" />
            <source>an index in the JSON path is not a number</source>
            <translation>JSON 路径中的某个索引不是数字</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a negative index, which ShareX fails on</source>
            <translation>负数索引，ShareX 会因此出错</translation>
        </message>
        <message>
            <location line="+4" />
            <source>an index in the JSON path is not closed</source>
            <translation>JSON 路径中的某个索引未闭合</translation>
        </message>
        <message>
            <location line="+17" />
            <source>unknown escape \{character} in a name</source>
            <translation>名称中有未知的转义 \{character}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a quoted name in the JSON path is not closed</source>
            <translation>JSON 路径中某个带引号的名称未闭合</translation>
        </message>
        <message>
            <location line="+22" />
            <source>the value there is null</source>
            <translation>该处的值为 null</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the value there is an object, not a text</source>
            <translation>该处的值是对象，而不是文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the value there is a list, not a text</source>
            <translation>该处的值是列表，而不是文本</translation>
        </message>
        <message>
            <location line="+24" />
            <location filename="../uploader_gui/core/destinations/readers_regex.py" line="+139" />
            <location filename="../uploader_gui/core/destinations/readers_xml.py" line="+157" />
            <source>the text to read is empty</source>
            <translation>要读取的文本为空</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the text is not JSON: {error}</source>
            <translation>该文本不是 JSON：{error}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the JSON has nothing at {path}</source>
            <translation>JSON 中 {path} 处没有内容</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/readers_regex.py" line="-86" />
            <source>it uses {what}, which Python's regular expressions do not run as .NET does</source>
            <translation>它使用了 {what}，Python 的正则表达式对它的处理与 .NET 不同</translation>
        </message>
        <message>
            <location line="+9" />
            <source>a group name is not closed</source>
            <translation>某个分组名未闭合</translation>
        </message>
        <message>
            <location line="+57" />
            <source>the pattern is empty</source>
            <translation>模式为空</translation>
        </message>
        <message>
            <location line="+8" />
            <source>it is not a regular expression Python can run: {error}</source>
            <translation>它不是 Python 能运行的正则表达式：{error}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>the pattern does not match</source>
            <translation>模式不匹配</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the pattern has no group {group}</source>
            <translation>模式中没有分组 {group}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/readers_xml.py" line="-77" />
            <source>the step {step} has a prefix, which ShareX cannot resolve (it gives no namespace map)</source>
            <translation>步骤 {step} 带有前缀，ShareX 无法解析（它不提供命名空间映射）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the step {step} is XPath that uploader-gui does not evaluate: it reads names, *, ., .., //, the predicates [n] and [last()] (first, after a name), [@name], [@name='v'], [name], [name='v'], [.='v'], and a last step @name or text()</source>
            <translation>步骤 {step} 是 uploader-gui 不会求值的 XPath：它只识别名称、*、.、..、//，谓词 [n] 和 [last()]（须紧跟在名称之后、排在首位）、[@name]、[@name='v']、[name]、[name='v']、[.='v']，以及作为最后一步的 @name 或 text()</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the XPath is empty</source>
            <translation>XPath 为空</translation>
        </message>
        <message>
            <location line="+14" />
            <source>the document itself has no {what}</source>
            <translation>文档本身没有 {what}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>the XML declares a document type (DOCTYPE or ENTITY), which is refused: its entities could expand without limit</source>
            <translation>XML 声明了文档类型（DOCTYPE 或 ENTITY），已拒绝：其实体可能无限展开</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the text is not XML: {error}</source>
            <translation>该文本不是 XML：{error}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>the XML has nothing at {xpath}</source>
            <translation>XML 中 {xpath} 处没有内容</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu.py" line="+61" />
            <source>is {size} bytes; a custom uploader file is at most {limit}</source>
            <translation>大小为 {size} 字节；自定义上传器文件最多 {limit} 字节</translation>
        </message>
        <message>
            <location line="+15" />
            <source>cannot be read: {error}</source>
            <translation>无法读取：{error}</translation>
        </message>
        <message>
            <location line="+78" />
            <location filename="../uploader_gui/core/destinations/sxcu_checks.py" line="+46" />
            <source>{method} is not one of {methods}</source>
            <translation>{method} 不是 {methods} 之一</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu_checks.py" line="+14" />
            <source>{body} is not a body ShareX knows ({bodies})</source>
            <translation>{body} 不是 ShareX 已知的 Body 类型（{bodies}）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>is empty, and MultipartFormData needs the name of the file's field</source>
            <translation>为空，而 MultipartFormData 需要文件所在字段的名称</translation>
        </message>
        <message>
            <location line="+5" />
            <source>no Body: ShareX reads that as None</source>
            <translation>没有 Body：ShareX 将其视为 None</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Body {body} sends no file: ShareX itself refuses to upload an image with it (only MultipartFormData and Binary carry the file)</source>
            <translation>Body {body} 不发送文件：ShareX 本身也拒绝用它上传图片（只有 MultipartFormData 和 Binary 会携带文件）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>{key} is not sent with Body {body} (as in ShareX): dropped</source>
            <translation>使用 Body {body} 时不会发送 {key}（与 ShareX 相同）：已丢弃</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Data is not valid {body} once {{input}} and {{filename}} are filled in: sent as written (ShareX does not check it either)</source>
            <translation>填入 {{input}} 和 {{filename}} 后，Data 不是有效的 {body}：将按原样发送（ShareX 也不检查）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{name} is not a destination type ShareX knows</source>
            <translation>{name} 不是 ShareX 已知的目标类型（DestinationType）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>not an image uploader: it is for {types}</source>
            <translation>不是图片上传器：它用于 {types}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>DestinationType lists {types} too: only images are sent</source>
            <translation>DestinationType 还列出了 {types}：只会发送图片</translation>
        </message>
        <message>
            <location line="+4" />
            <source>DestinationType is {types}: used for images</source>
            <translation>DestinationType 为 {types}：将用于图片</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+84" />
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <location line="-80" />
            <source>RequestURL has no scheme: https:// put in front (as ShareX does)</source>
            <translation>RequestURL 没有协议：已在前面加上 https://（与 ShareX 相同）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>is not an http:// or https:// address</source>
            <translation>不是 http:// 或 https:// 地址</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a function in the scheme, host or port: the secrets must go to one fixed address</source>
            <translation>协议、主机或端口中含有函数：机密必须发送到一个固定的地址</translation>
        </message>
        <message>
            <location line="+6" />
            <source>a user name or password in the URL: put credentials in a header or parameter, where they are kept as secrets</source>
            <translation>URL 中含有用户名或密码：请将凭据放入请求头或参数中，它们会作为机密保存</translation>
        </message>
        <message>
            <location line="+19" />
            <source>names no valid host and port</source>
            <translation>没有指明有效的主机和端口</translation>
        </message>
        <message>
            <location line="+2" />
            <source>http:// to {host}: the secrets would cross the network unencrypted; use https://</source>
            <translation>通过 http:// 发送到 {host}：机密将以未加密方式在网络上传输；请使用 https://</translation>
        </message>
        <message>
            <location line="+13" />
            <source>a name is empty</source>
            <translation>某个名称为空</translation>
        </message>
        <message>
            <location line="+2" />
            <source>is not a valid header name</source>
            <translation>不是有效的请求头名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>holds a line break or NUL</source>
            <translation>包含换行符或 NUL</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{field} uses ShareX's name patterns (such as %y or %rn), which uploader-gui sends as written</source>
            <translation>{field} 使用了 ShareX 的命名模式（如 %y 或 %rn），uploader-gui 会按原样发送</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{type} is not a type uploader-gui sends ({types})</source>
            <translation>{type} 不是 uploader-gui 会发送的类型（{types}）</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu_fields.py" line="+67" />
            <source>not JSON: {error}</source>
            <translation>不是 JSON：{error}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>not JSON: not a JSON object</source>
            <translation>不是 JSON：不是 JSON 对象</translation>
        </message>
        <message>
            <location line="+32" />
            <location line="+23" />
            <source>must be a text</source>
            <translation>必须是文本</translation>
        </message>
        <message>
            <location line="-10" />
            <source>must be an object of names and texts</source>
            <translation>必须是由名称和文本组成的对象</translation>
        </message>
        <message>
            <location line="+20" />
            <source>must be a list of texts</source>
            <translation>必须是文本列表</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../uploader_gui/ui/destination/editor_check.py" line="+138" />
            <source>is written twice</source>
            <translation>重复出现</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is written twice, as {first} and {second}</source>
            <translation>重复出现，分别写作 {first} 和 {second}</translation>
        </message>
        <message>
            <location line="+50" />
            <source>must be an object</source>
            <translation>必须是对象</translation>
        </message>
        <message>
            <location line="+3" />
            <source>is not a key it has</source>
            <translation>不是该对象可以包含的键</translation>
        </message>
        <message>
            <location line="+30" />
            <source>{key} is not a key ShareX reads: ignored</source>
            <translation>{key} 不是 ShareX 会读取的键：已忽略</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu_legacy.py" line="+46" />
            <source>{version} is not a version number like 17.0.0</source>
            <translation>{version} 不是类似 17.0.0 的版本号</translation>
        </message>
        <message>
            <location line="+25" />
            <source>no Version: read in the current syntax (ShareX itself refuses such a file)</source>
            <translation>没有 Version：按当前语法读取（ShareX 本身会拒绝此类文件）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>no Version, and ShareX's older $…$ syntax: read as a file of ShareX 13 or older</source>
            <translation>没有 Version，且使用 ShareX 的旧版 $…$ 语法：按 ShareX 13 或更早版本的文件读取</translation>
        </message>
        <message>
            <location line="+23" />
            <source>the query string of RequestURL moved to Parameters (as ShareX does)</source>
            <translation>RequestURL 的查询字符串已移至 Parameters（与 ShareX 相同）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Headers (the whole header list as the URL) was dropped in ShareX 12.4: read one header with $header:Name$ in URL</source>
            <translation>Headers（将整个响应头列表作为 URL）已在 ShareX 12.4 中移除：请在 URL 中用 $header:Name$ 读取单个响应头</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{value} is not a response type ShareX knew</source>
            <translation>{value} 不是 ShareX 曾支持的响应类型</translation>
        </message>
        <message>
            <location line="+9" />
            <source>${syntax}$ names no RegexList entry</source>
            <translation>${syntax}$ 没有指明 RegexList 条目</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>${syntax}$ refers to RegexList entry {number}, but RegexList holds %n pattern(s): a reader that never matches</source>
            <translation>
                <numerusform>${syntax}$ 引用了 RegexList 第 {number} 条，但 RegexList 只有 %n 个模式：该读取器永远不会匹配</numerusform>
            </translation>
        </message>
        <message>
            <location line="+37" />
            <source>${syntax}$ is not a function of ShareX's older syntax</source>
            <translation>${syntax}$ 不是 ShareX 旧版语法中的函数</translation>
        </message>
        <message>
            <location line="+29" />
            <source>a $ is never closed (ShareX 13 dropped the rest of the text): escape a literal $ as \$</source>
            <translation>某个 $ 没有闭合（ShareX 13 会丢弃其后的文本）：字面的 $ 请转义为 \$</translation>
        </message>
        <message>
            <location line="+36" />
            <source>{key} is not read by ShareX since 12.4: ignored</source>
            <translation>自 12.4 起 ShareX 不再读取 {key}：已忽略</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a file of ShareX 12.3 or older: converted as ShareX did until 16.1 (current ShareX refuses it)</source>
            <translation>ShareX 12.3 或更早版本的文件：已按 ShareX 16.1 之前的方式转换（当前的 ShareX 会拒绝它）</translation>
        </message>
        <message>
            <location line="+12" />
            <source>converted from ShareX's older $…$ syntax to the current one</source>
            <translation>已从 ShareX 的旧版 $…$ 语法转换为当前语法</translation>
        </message>
        <message>
            <location line="+4" />
            <source>RegexList references written out as {regex:pattern|group}: ShareX's own conversion loses them</source>
            <translation>RegexList 引用已展开写为 {regex:pattern|group}：ShareX 自身的转换会丢失它们</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/syntax.py" line="+156" />
            <source>the text to encode is empty</source>
            <translation>要编码的文本为空</translation>
        </message>
        <message>
            <location line="+13" />
            <source>a reader of the reply in a request</source>
            <translation>请求中使用了响应读取器</translation>
        </message>
        <message>
            <location line="+19" />
            <source>the reply has no {name} header</source>
            <translation>响应中没有 {name} 响应头</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/syntax_check.py" line="+86" />
            <source>{function} is never closed with }}</source>
            <translation>{function} 没有用 }} 闭合</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{function} has a | in its name: escape it as \| if it is text</source>
            <translation>{function} 的名称中有 |：如果它是文本，请转义为 \|</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{function} has its name made by another function</source>
            <translation>{function} 的名称由另一个函数生成</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{function} has no function name</source>
            <translation>{function} 没有函数名</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{function}: ShareX has no function named {name} (escape a literal {{ as \{{)</source>
            <translation>{function}：ShareX 没有名为 {name} 的函数（字面的 {{ 请转义为 \{{）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{function} asks a person while uploading, which uploader-gui does not do</source>
            <translation>{function} 会在上传时询问用户，而 uploader-gui 不会这样做</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>{function} needs at least %n parameter(s), separated by |</source>
            <translation>
                <numerusform>{function} 至少需要 %n 个参数，以 | 分隔</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <source>{function} reads the server's reply, which does not exist yet when the request is made: use it in URL, ThumbnailURL, DeletionURL or ErrorMessage</source>
            <translation>{function} 读取服务器的响应，但发出请求时响应还不存在：请在 URL、ThumbnailURL、DeletionURL 或 ErrorMessage 中使用它</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{function} names no header</source>
            <translation>{function} 没有指明响应头</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{function} can never read anything: {reason}</source>
            <translation>{function} 永远读取不到任何内容：{reason}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>{function} takes RegexList entry {number}, but the RegexList has {count}: a reader that never matches</source>
            <translation>{function} 使用 RegexList 第 {number} 条，但 RegexList 只有 {count} 条：该读取器永远不会匹配</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{function} takes group {group}, which the pattern does not have: a reader that never matches</source>
            <translation>{function} 使用分组 {group}，但模式中没有该分组：该读取器永远不会匹配</translation>
        </message>
        <message>
            <location line="+13" />
            <source>RegexList entry {number} cannot be run: {reason}</source>
            <translation>RegexList 第 {number} 条无法运行：{reason}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>an unescaped {character} outside a function ends the text in ShareX (the rest, {rest}, would be dropped): escape it as \{character}</source>
            <translation>函数外未转义的 {character} 在 ShareX 中会结束文本（其后的 {rest} 将被丢弃）：请转义为 \{character}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/app.py" line="+269" />
            <source>&amp;Destinations</source>
            <translation>上传目标(&amp;D)</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/book.py" line="+178" />
            <source>The destination's secrets were not saved</source>
            <translation>上传目标的机密未保存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{error}

They are used until you quit.</source>
            <translation>{error}

在您退出之前，将一直使用它们。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{error}</source>
            <translation>{error}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/custom_access.py" line="+58" />
            <source>{fields} not set</source>
            <translation>未设置 {fields}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>it refused the credentials</source>
            <translation>它拒绝了凭据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waiting for {destination}'s secrets: {reason}</source>
            <translation>正在等待 {destination} 的机密：{reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Uploads to {destination} are on hold: {reason}. Set them in Settings ▸ Destinations (they are kept in the keyring).</source>
            <translation>上传到 {destination} 已暂停：{reason}。请在 设置 ▸ 上传目标 中设置它们（它们保存在密钥环中）。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open Settings</source>
            <translation>打开设置</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/deleting.py" line="+159" />
            <source>Delete {name} from {host}? Its link stops working.</source>
            <translation>要从 {host} 删除 {name} 吗？其链接将失效。</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Delete %n file(s) from their servers? Their links stop working.</source>
            <translation>
                <numerusform>要从各自的服务器删除 %n 个文件吗？它们的链接将失效。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+73" />
            <source>Delete from the server?</source>
            <translation>从服务器删除？</translation>
        </message>
        <message>
            <location line="-71" />
            <source>Delete from Server</source>
            <translation>从服务器删除</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Deleted {name} from {host}</source>
            <translation>已从 {host} 删除 {name}</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Deleted %n file(s) from {host}</source>
            <translation>
                <numerusform>已从 {host} 删除 %n 个文件</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not deleted from {host}</source>
            <translation>未从 {host} 删除</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The deletion page cannot be opened</source>
            <translation>无法打开删除页面</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open the deletion page of {name} in your browser? uploader-gui marks it as deleted.</source>
            <translation>要在浏览器中打开 {name} 的删除页面吗？uploader-gui 会将其标记为已删除。</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Open the deletion pages of %n file(s) in your browser? uploader-gui marks them as deleted.</source>
            <translation>
                <numerusform>要在浏览器中打开 %n 个文件的删除页面吗？uploader-gui 会将它们标记为已删除。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open in Browser</source>
            <translation>在浏览器中打开</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No browser opened the deletion page of {name}</source>
            <translation>没有浏览器打开 {name} 的删除页面</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Marked as deleted from the server</source>
            <translation>已标记为已从服务器删除</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The history was not changed</source>
            <translation>历史记录未更改</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor.py" line="+43" />
            <source>New Destination</source>
            <translation>新建上传目标</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Test</source>
            <translation>测试(&amp;T)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload a small generated picture once and show the reply</source>
            <translation>上传一次自动生成的小图片，并显示响应</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{where}: {reason}</source>
            <translation>{where}：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor_check.py" line="-95" />
            <source>Request</source>
            <translation>请求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply</source>
            <translation>响应</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deletion</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../uploader_gui/ui/destination/editor_fields.py" line="+74" />
            <location line="+56" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Request URL</source>
            <translation>请求 URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Body</source>
            <translation>请求体</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File form name</source>
            <translation>文件表单字段名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Image types</source>
            <translation>图片类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thumbnail URL</source>
            <translation>缩略图 URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deletion URL</source>
            <translation>删除 URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error message</source>
            <translation>错误消息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Regular expressions</source>
            <translation>正则表达式</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Parameters</source>
            <translation>查询参数</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Headers</source>
            <translation>请求头</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Arguments</source>
            <translation>表单参数</translation>
        </message>
        <message>
            <location line="+10" />
            <source>parameter {name}</source>
            <translation>查询参数 {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>header {name}</source>
            <translation>请求头 {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>argument {name}</source>
            <translation>表单参数 {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deletion header {name}</source>
            <translation>删除请求头 {name}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>line {number}</source>
            <translation>第 {number} 行</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor_fields.py" line="-55" />
            <location line="+57" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location line="-56" />
            <location line="+58" />
            <source>Secret</source>
            <translation>机密</translation>
        </message>
        <message>
            <location line="-45" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../uploader_gui/ui/settings/destinations_tab.py" line="+278" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Its name says it holds a credential: it is always kept in the keyring</source>
            <translation>从名称看它包含凭据：始终保存在密钥环中</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Keep the value in the keyring, never in a file</source>
            <translation>将值保存在密钥环中，绝不写入文件</translation>
        </message>
        <message>
            <location line="+9" />
            <source>kept in the keyring (type to replace)</source>
            <translation>已保存在密钥环中（输入新值以替换）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>secret: kept in the keyring</source>
            <translation>机密：保存在密钥环中</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor_form.py" line="+37" />
            <source>Multipart form (the file in a field)</source>
            <translation>多部分表单（文件放在一个字段中）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Binary (the file is the body)</source>
            <translation>二进制（文件即请求体）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Form URL-encoded (no file)</source>
            <translation>URL 编码表单（无文件）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON (no file)</source>
            <translation>JSON（无文件）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XML (no file)</source>
            <translation>XML（无文件）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>None (no file)</source>
            <translation>无请求体（无文件）</translation>
        </message>
        <message>
            <location line="+38" />
            <source>the host's name</source>
            <translation>主机名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Request:</source>
            <translation>请求(&amp;R)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;File form name:</source>
            <translation>文件表单字段名(&amp;F)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Body:</source>
            <translation>请求体(&amp;B)：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Image types:</source>
            <translation>图片类型：</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Values may use {filename}, {random:a|b|c} and {base64:text}. A secret's value is kept in the keyring, never in a file.</source>
            <translation>值中可以使用 {filename}、{random:a|b|c} 和 {base64:text}。机密的值保存在密钥环中，绝不写入文件。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{section} ({count})</source>
            <translation>{section}（{count}）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;URL:</source>
            <translation>URL(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>T&amp;humbnail URL:</source>
            <translation>缩略图 URL(&amp;H)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deletion URL:</source>
            <translation>删除 URL(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error &amp;message:</source>
            <translation>错误消息(&amp;M)：</translation>
        </message>
        <message>
            <location line="+10" />
            <source>empty: the whole reply is the URL</source>
            <translation>留空：整个响应即为 URL</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A reader takes a part of the reply: {json:path}, {xml:path}, {regex:pattern|group}, {header:name}, {response} (all of it). An empty URL reader takes the whole reply as the URL; the others may stay empty.</source>
            <translation>读取器从响应中提取一部分：{json:path}、{xml:path}、{regex:pattern|group}、{header:name}、{response}（整个响应）。URL 读取器留空时，整个响应即为 URL；其他读取器可以留空。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Regular e&amp;xpressions, one per line:</source>
            <translation>正则表达式，每行一个(&amp;X)：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The pattern on line N is {regex:N|group}.</source>
            <translation>第 N 行的模式写作 {regex:N|group}。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Send a deletion request</source>
            <translation>发送删除请求(&amp;S)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Deletion method</source>
            <translation>删除请求方法</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Method:</source>
            <translation>方法(&amp;M)：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Deleting an upload sends this request to the deletion URL its reply gave, with these headers, on the destination's own address only. ShareX ignores it and opens the deletion URL instead.</source>
            <translation>删除某个上传时，会带着这些请求头向其响应给出的删除 URL 发送此请求，且只发往该上传目标自己的地址。ShareX 会忽略此设置，改为打开删除 URL。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Headers:</source>
            <translation>请求头：</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/importing.py" line="+36" />
            <source>Add {name} as a destination? Its uploads go to {host}.</source>
            <translation>要将 {name} 添加为上传目标吗？它的上传会发送到 {host}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kept in the keyring, never in a file: {fields}.</source>
            <translation>保存在密钥环中，绝不写入文件：{fields}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>It can delete what you upload from the server.</source>
            <translation>它可以从服务器删除您上传的内容。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notes:</source>
            <translation>说明：</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{file} was not added</source>
            <translation>未添加 {file}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{file}: {reason}</source>
            <translation>{file}：{reason}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Add a destination?</source>
            <translation>添加上传目标？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add Destination</source>
            <translation>添加上传目标</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Added the destination {name} ({host})</source>
            <translation>已添加上传目标 {name}（{host}）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Upload to {name}?</source>
            <translation>上传到 {name}？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Upload to {name} from now on?</source>
            <translation>从现在起上传到 {name} 吗？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Upload to {name}</source>
            <translation>上传到 {name}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/jobs.py" line="+47" />
            <source>The keyring could not be read: {error}</source>
            <translation>无法读取密钥环：{error}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/picker.py" line="+19" />
            <source>{name} — {host}</source>
            <translation>{name} — {host}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Upload &amp;to</source>
            <translation>上传到(&amp;T)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload to</source>
            <translation>上传到</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Sandbox</source>
            <translation>沙盒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sandbox mode: uploads go to the local test server until uploader-gui starts again (without --sandbox); then a destination can be chosen.</source>
            <translation>沙盒模式：在 uploader-gui 重新启动（不带 --sandbox）之前，文件都会上传到本地测试服务器；之后即可选择上传目标。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Where uploads go. Add, import or edit destinations in Settings ▸ Destinations.</source>
            <translation>上传的去向。可在 设置 ▸ 上传目标 中添加、导入或编辑上传目标。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/trial_view.py" line="+32" />
            <source>Test uploads a small generated picture (a 64 by 64 PNG) once, with the secrets typed here or, for those left empty, the keyring's, and shows what came back. Nothing is added to the history.</source>
            <translation>“测试”会上传一次自动生成的小图片（64×64 的 PNG），使用此处输入的机密（留空的则使用密钥环中的），并显示返回的内容。不会添加到历史记录中。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Test result</source>
            <translation>测试结果</translation>
        </message>
        <message>
            <location line="+6" />
            <source>What the readers found</source>
            <translation>读取器找到的内容</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reader</source>
            <translation>读取器</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found</source>
            <translation>读取结果</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The reply:</source>
            <translation>响应内容：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The reply</source>
            <translation>响应内容</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Only the first {count} characters are shown.</source>
            <translation>仅显示前 {count} 个字符。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>✗ The test did not get a reply: {problem}</source>
            <translation>✗ 测试未收到响应：{problem}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>HTTP status {status}</source>
            <translation>HTTP 状态码 {status}</translation>
        </message>
        <message>
            <location line="+2" />
            <source> — the reply is empty</source>
            <translation> — 响应为空</translation>
        </message>
        <message>
            <location line="+5" />
            <source>✓ An upload would give URL {url}</source>
            <translation>✓ 上传将得到 URL {url}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ An upload would fail: {problem}</source>
            <translation>✗ 上传将会失败：{problem}</translation>
        </message>
        <message>
            <location line="+32" />
            <source>(nothing)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+20" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>✗ {problem}</source>
            <translation>✗ {problem}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/destinations_export.py" line="+32" />
            <source>{name} keeps {fields} in the keyring. Without them, the file can be shared: whoever imports it types their own.

With them, anyone who has the file can upload as you: include them only in a copy you keep private.</source>
            <translation>{name} 将 {fields} 保存在密钥环中。不包含它们时，文件可以分享给他人：导入者会输入自己的值。

包含它们时，任何拥有该文件的人都能以您的身份上传：请只在您私下保管的副本中包含它们。</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+25" />
            <source>Export {name}</source>
            <translation>导出 {name}</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Export Without Secrets</source>
            <translation>导出（不含机密）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include Secrets</source>
            <translation>包含机密</translation>
        </message>
        <message>
            <location line="+23" />
            <source>ShareX custom uploaders (*.sxcu)</source>
            <translation>ShareX 自定义上传器 (*.sxcu)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{file}: {error}</source>
            <translation>{file}：{error}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exported {name} to {file}, with its secrets</source>
            <translation>已将 {name} 导出到 {file}，包含机密</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exported {name} to {file}, without secrets</source>
            <translation>已将 {name} 导出到 {file}，不含机密</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/destinations_tab.py" line="-222" />
            <source>Changes here are saved at once: OK and Cancel do not undo them. Choose where uploads go with “Upload to” in the main window.</source>
            <translation>此处的更改会立即保存：“确定”和“取消”都不会撤销它们。请在主窗口中通过“上传到”选择上传的去向。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Destinations</source>
            <translation>上传目标</translation>
        </message>
        <message>
            <location line="+34" />
            <source>&amp;Add…</source>
            <translation>添加(&amp;A)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Describe a new destination: its request and its reply</source>
            <translation>描述一个新的上传目标：它的请求和响应</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add the destination a ShareX custom uploader file holds</source>
            <translation>添加 ShareX 自定义上传器文件中的上传目标</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change the destination, or test it</source>
            <translation>修改或测试上传目标</translation>
        </message>
        <message>
            <location line="+4" />
            <source>D&amp;uplicate</source>
            <translation>创建副本(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a copy of the destination, secrets included</source>
            <translation>添加此上传目标的副本，包括机密</translation>
        </message>
        <message>
            <location line="+4" />
            <source>E&amp;xport…</source>
            <translation>导出(&amp;X)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the destination as a ShareX custom uploader file</source>
            <translation>将上传目标保存为 ShareX 自定义上传器文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the destination and its secrets</source>
            <translation>移除上传目标及其机密</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{entry} (in use)</source>
            <translation>{entry}（使用中）</translation>
        </message>
        <message>
            <location line="+32" />
            <source>ImagePipeline is built in: its API URL and key are set on the General tab. It cannot be removed.</source>
            <translation>ImagePipeline 是内置的：其 API URL 和密钥在“常规”标签页中设置。它无法被移除。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Uploads go to {url}</source>
            <translation>上传发送到 {url}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kept in the keyring: {fields}.</source>
            <translation>保存在密钥环中：{fields}。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Import a ShareX Custom Uploader</source>
            <translation>导入 ShareX 自定义上传器</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ShareX custom uploaders (*.sxcu);;All files (*)</source>
            <translation>ShareX 自定义上传器 (*.sxcu);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The keyring could not be read</source>
            <translation>无法读取密钥环</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The destination was not saved</source>
            <translation>上传目标未保存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved the destination {name}</source>
            <translation>已保存上传目标 {name}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{name} (copy)</source>
            <translation>{name}（副本）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The destination was not duplicated</source>
            <translation>未能创建上传目标的副本</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{name} is removed from your destinations. Links already uploaded keep working.</source>
            <translation>{name} 将从您的上传目标中移除。已上传的链接仍然有效。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Its secrets are deleted from the keyring: {fields}.</source>
            <translation>其机密将从密钥环中删除：{fields}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Uploads go to ImagePipeline from now on.</source>
            <translation>今后将上传到 ImagePipeline。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove {name}?</source>
            <translation>移除 {name}？</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The destination was not removed</source>
            <translation>上传目标未移除</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Removed {name}</source>
            <translation>已移除 {name}</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../uploader_gui/ui/base/dialogs.py" line="+39" />
            <source>Images ({patterns})</source>
            <translation>图片 ({patterns})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/modal_dialogs.py" line="+74" />
            <source>Add images</source>
            <translation>添加图片</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/main_window.py" line="+336" />
            <source>Quit uploader-gui?</source>
            <translation>退出 uploader-gui？</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n upload(s) not finished. Quit and cancel them?</source>
            <translation>
                <numerusform>还有 %n 个上传尚未完成。要退出并取消它们吗？</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Quit and Cancel Uploads</source>
            <translation>退出并取消上传</translation>
        </message>
    </context>
    <context>
        <name>DropArea</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/drop_area.py" line="+24" />
            <source>Drop images here</source>
            <translation>将图片拖放到此处</translation>
        </message>
        <message>
            <location line="+8" />
            <source>They upload at once, and each gets a public URL you can copy.
PNG, JPEG, WebP or GIF · folders too · Ctrl+V pastes an image</source>
            <translation>图片会立即上传，每张都会得到一个可复制的公开 URL。
PNG、JPEG、WebP 或 GIF · 也可拖入文件夹 · Ctrl+V 粘贴图片</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose images…</source>
            <translation>选择图片…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose image files to upload (Ctrl+O)</source>
            <translation>选择要上传的图片文件（Ctrl+O）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose images to upload</source>
            <translation>选择要上传的图片</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../uploader_gui/core/client_reply.py" line="+88" />
            <source>{message}: {detail}</source>
            <comment>an error message, then the explanation the server gave (in its own words)</comment>
            <translation>{message}：{detail}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_transport.py" line="+67" />
            <location line="+3" />
            <source>the proxy cannot be used: {reason}</source>
            <translation>无法使用代理：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_reply.py" line="-32" />
            <location line="+13" />
            <source>the server's reply was far too long</source>
            <translation>服务器的回复过长</translation>
        </message>
        <message>
            <location line="-9" />
            <source>the server's reply is in an encoding it was not asked for</source>
            <translation>服务器的回复使用了未请求的编码</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the server's reply is damaged</source>
            <translation>服务器的回复已损坏</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_transport.py" line="+95" />
            <source>{host} did not answer in time through the proxy at {proxy} ({reason})</source>
            <translation>{host} 未能通过位于 {proxy} 的代理及时应答（{reason}）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{host} did not answer in time ({reason})</source>
            <translation>{host} 未及时响应（{reason}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>could not connect to {host}: {reason}</source>
            <translation>无法连接到 {host}：{reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the connection to {host} broke: {reason}</source>
            <translation>与 {host} 的连接中断：{reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>request to {host} failed: {reason}</source>
            <translation>对 {host} 的请求失败：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_reply.py" line="+49" />
            <source>the API key was rejected (HTTP {status})</source>
            <translation>API 密钥被拒绝（HTTP {status}）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the server timed out (HTTP 408)</source>
            <translation>服务器超时（HTTP 408）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the file is too large for the service (HTTP 413)</source>
            <translation>文件过大，服务无法接收（HTTP 413）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the service refused the file type</source>
            <translation>服务拒绝了此文件类型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the service rejected the upload</source>
            <translation>服务拒绝了此次上传</translation>
        </message>
        <message>
            <location line="+4" />
            <source>too many requests (HTTP 429)</source>
            <translation>请求过多（HTTP 429）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>too many requests (HTTP 429); it asks to wait {seconds} s</source>
            <translation>请求过多（HTTP 429）；服务要求等待 {seconds} 秒</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the server failed (HTTP {status})</source>
            <translation>服务器出错（HTTP {status}）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the server refused the upload (HTTP {status})</source>
            <translation>服务器拒绝了上传（HTTP {status}）</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the server redirected to an invalid address (HTTP {status}); redirects are not followed so the API key stays with {host}</source>
            <translation>服务器重定向到无效地址（HTTP {status}）；为确保 API 密钥只发送给 {host}，不会跟随重定向</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the server redirected to {target} (HTTP {status}); redirects are not followed so the API key stays with {host}</source>
            <translation>服务器重定向到 {target}（HTTP {status}）；为确保 API 密钥只发送给 {host}，不会跟随重定向</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/config.py" line="+36" />
            <source>no API key given</source>
            <translation>未提供 API 密钥</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the API key contains spaces or characters that cannot be sent; paste it again</source>
            <translation>API 密钥包含空格或无法发送的字符；请重新粘贴</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/errors.py" line="+71" />
            <source>not an image the service accepts: {detected}; allowed: PNG, JPEG, WebP, GIF</source>
            <translation>不是服务接受的图片：{detected}；允许的格式：PNG、JPEG、WebP、GIF</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the file changed while it was being uploaded</source>
            <translation>文件在上传过程中被修改</translation>
        </message>
        <message>
            <location line="+76" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/files.py" line="+44" />
            <source>not a regular file</source>
            <translation>不是常规文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this is a folder, not a file</source>
            <translation>这是文件夹，不是文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the file does not exist (moved or deleted?)</source>
            <translation>文件不存在（已被移动或删除？）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>permission denied: the file cannot be read</source>
            <translation>权限被拒绝：无法读取该文件</translation>
        </message>
        <message>
            <location line="+32" />
            <source>the file cannot be read: {reason}</source>
            <translation>无法读取文件：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/convert.py" line="+82" />
            <source>not a format uploader-gui converts</source>
            <translation>不是 uploader-gui 可转换的格式</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/converted.py" line="+54" />
            <source>the image cannot be read: {reason}</source>
            <translation>无法读取图片：{reason}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>the image has too many pixels: more than the {megapixels} megapixels uploader-gui converts or shrinks (it may be a decompression bomb)</source>
            <translation>图片像素过多：超过了 uploader-gui 可转换或缩小的 {megapixels} 百万像素上限（可能是解压炸弹）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the image has too many pixels ({width} x {height}): more than the {megapixels} megapixels uploader-gui converts or shrinks (it may be a decompression bomb)</source>
            <translation>图片像素过多（{width} x {height}）：超过了 uploader-gui 可转换或缩小的 {megapixels} 百万像素上限（可能是解压炸弹）</translation>
        </message>
        <message>
            <location line="-18" />
            <source>the image cannot be decoded: {reason}</source>
            <translation>无法解码图片：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/encode.py" line="+38" />
            <source>no free file name in {folder}</source>
            <translation>{folder} 中没有可用的文件名</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/responses.py" line="+79" />
            <source>the server's reply was not JSON</source>
            <translation>服务器的回复不是 JSON</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the server's reply was not a JSON object</source>
            <translation>服务器的回复不是 JSON 对象</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the server's reply has no url</source>
            <translation>服务器的回复中没有 url</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the server's reply has a url that cannot be used: {reason}</source>
            <translation>服务器回复中的 URL 无法使用：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/sniff.py" line="+65" />
            <source>a video or ISO media file</source>
            <translation>视频或 ISO 媒体文件</translation>
        </message>
        <message>
            <location line="+13" />
            <source>an empty file</source>
            <translation>空文件</translation>
        </message>
        <message>
            <location line="+14" />
            <source>a ZIP archive</source>
            <translation>ZIP 压缩包</translation>
        </message>
        <message>
            <location line="+6" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown data</source>
            <translation>未知数据</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/picgo/messages.py" line="+109" />
            <location filename="../uploader_gui/core/sniff.py" line="+19" />
            <source>the file is empty</source>
            <translation>文件为空</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/upload_job.py" line="+245" />
            <source>unexpected error: {kind}</source>
            <translation>意外错误：{kind}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/urls.py" line="+43" />
            <source>not a valid API URL: {url}</source>
            <translation>不是有效的 API URL：{url}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the API URL must start with https:// and name a host (got {url})</source>
            <translation>API URL 必须以 https:// 开头并包含主机名（实际为 {url}）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the API URL must not contain a user name or password</source>
            <translation>API URL 不能包含用户名或密码</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the API URL must not contain a query or fragment</source>
            <translation>API URL 不能包含查询参数或片段</translation>
        </message>
        <message>
            <location line="+3" />
            <source>refusing to send the API key over plain http to {host}: use https:// (plain http is allowed only for localhost)</source>
            <translation>拒绝通过明文 http 向 {host} 发送 API 密钥：请使用 https://（仅 localhost 允许使用明文 http）</translation>
        </message>
        <message>
            <location line="+37" />
            <source>it is not text</source>
            <translation>它不是文本</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is empty</source>
            <translation>它是空的</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is far too long</source>
            <translation>它太长了</translation>
        </message>
        <message>
            <location line="+6" />
            <source>it contains {character}, which a URL never holds raw</source>
            <translation>它包含 {character}，URL 中不会直接出现该字符</translation>
        </message>
        <message>
            <location line="+7" />
            <source>it cannot be read as a URL</source>
            <translation>无法将其读取为 URL</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is not an http(s) address</source>
            <translation>它不是 http(s) 地址</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it carries a user name or password</source>
            <translation>它带有用户名或密码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it names no valid host</source>
            <translation>它没有指明有效的主机</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/gif.py" line="+37" />
            <source>it does not start like a GIF</source>
            <translation>开头不像 GIF 文件</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../uploader_gui/core/prepare/jpeg.py" line="+64" />
            <location filename="../uploader_gui/core/prepare/png.py" line="+47" />
            <location filename="../uploader_gui/core/prepare/webp.py" line="+29" />
            <source>it ends without any picture data</source>
            <translation>文件结束时没有任何图像数据</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/jpeg.py" line="-4" />
            <source>it does not start like a JPEG</source>
            <translation>开头不像 JPEG 文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the picture data comes before the frame header</source>
            <translation>图像数据出现在帧头之前</translation>
        </message>
        <message>
            <location line="+1" />
            <source>it has two frame headers</source>
            <translation>它有两个帧头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>it has a second start marker inside the image</source>
            <translation>图像中间出现了第二个起始标记</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a segment has an impossible length</source>
            <translation>某个段的长度不可能成立</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/metadata.py" line="+99" />
            <location filename="../uploader_gui/core/prepare/pipeline.py" line="+114" />
            <source>the image is damaged: {reason}</source>
            <translation>图片已损坏：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/pipeline.py" line="-5" />
            <source>there was not enough memory to prepare this image</source>
            <translation>内存不足，无法准备这张图片</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/png.py" line="-6" />
            <source>it does not start like a PNG</source>
            <translation>开头不像 PNG 文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a chunk has an impossible name or length</source>
            <translation>某个数据块的名称或长度不可能成立</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a part of the picture is damaged (its checksum is wrong)</source>
            <translation>图像的一部分已损坏（校验和不正确）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>it does not start with an image header</source>
            <translation>文件开头没有图像头</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/source.py" line="+35" />
            <source>the file ends in the middle of the image</source>
            <translation>文件在图像中途就结束了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the file changed while it was being prepared</source>
            <translation>文件在准备期间发生了变化</translation>
        </message>
        <message>
            <location line="+114" />
            <source>the prepared copy could not be written: {reason}</source>
            <translation>无法写入准备好的副本：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/webp.py" line="-1" />
            <source>it does not start like a WebP</source>
            <translation>开头不像 WebP 文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>its extended header is too short</source>
            <translation>它的扩展头太短</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <location filename="../uploader_gui/core/history/safety.py" line="+72" />
            <source>it cannot be checked: {reason}</source>
            <translation>无法检查：{reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>it is a link to {target}, outside {folder}</source>
            <translation>它是指向 {target} 的符号链接，位于 {folder} 之外</translation>
        </message>
        <message>
            <location line="+5" />
            <source>it is a link to {target}, which cannot be opened</source>
            <translation>它是指向 {target} 的符号链接，目标无法打开</translation>
        </message>
        <message>
            <location line="+3" />
            <source>it is a link to {target}, which is not a regular file</source>
            <translation>它是指向 {target} 的符号链接，目标不是常规文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>it is a folder, not a file</source>
            <translation>它是文件夹，不是文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is not a regular file</source>
            <translation>它不是常规文件</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{file} is a file, where a folder should be</source>
            <translation>{file} 是文件，但此处应为文件夹</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{reason} ({file})</source>
            <comment>the system's reason, then the file it is about</comment>
            <translation>{reason}（{file}）</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the file is read-only</source>
            <translation>文件为只读</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the disk reported an error while writing</source>
            <translation>写入时磁盘报告了错误</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the file cannot be opened</source>
            <translation>无法打开文件</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/history/database.py" line="+246" />
            <source>the database is damaged ({check})</source>
            <translation>数据库已损坏（{check}）</translation>
        </message>
        <message>
            <location line="-43" />
            <source>the history was written by a newer uploader-gui (schema {version})</source>
            <translation>历史记录由更新版本的 uploader-gui 写入（数据结构版本 {version}）</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/history/view.py" line="+64" />
            <source>{when} · Deleted from the server on {date}</source>
            <translation>{when} · 已于 {date} 从服务器删除</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{when} · Failed: {error}</source>
            <translation>{when} · 失败：{error}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{when} · Cancelled</source>
            <translation>{when} · 已取消</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{when} · Uploading (see the Uploads tab)</source>
            <translation>{when} · 正在上传（见“上传”标签页）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{when} · Not uploaded</source>
            <translation>{when} · 未上传</translation>
        </message>
        <message>
            <location line="+82" />
            <source>{name}: {status}
{path}</source>
            <translation>{name}：{status}
{path}</translation>
        </message>
        <message>
            <location line="+101" />
            <source>Search by file name or URL</source>
            <translation>按文件名或 URL 搜索</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search history</source>
            <translation>搜索历史记录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Failed only</source>
            <translation>仅显示失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the listed entries as CSV or JSON</source>
            <translation>将列出的条目保存为 CSV 或 JSON</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear All…</source>
            <translation>全部清除…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the whole history</source>
            <translation>删除全部历史记录</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Upload history</source>
            <translation>上传历史记录</translation>
        </message>
    </context>
    <context>
        <name>HistoryNotices</name>
        <message>
            <location filename="../uploader_gui/ui/notices/history.py" line="+23" />
            <source>The upload history cannot be used: {reason}.
This session's history is kept in memory only: files not yet uploaded are not listed again after a crash or quit, and this session's links are not kept. To fix it, make sure {folder} is a folder you can write to, then restart uploader-gui.</source>
            <translation>无法使用上传历史记录：{reason}。
本次会话的历史记录仅保存在内存中：程序崩溃或退出后，尚未上传的文件不会再次列出，本次会话的链接也不会保留。要解决此问题，请确保 {folder} 是您可以写入的文件夹，然后重新启动 uploader-gui。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The upload history could not be read: {reason}.
It was set aside as {file} and a new, empty history was started in {folder}. Nothing else is affected.</source>
            <translation>无法读取上传历史记录：{reason}。
原文件已另存为 {file}，并在 {folder} 中新建了空的历史记录。其他内容不受影响。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The upload history cannot be saved: {reason}.
Uploads go on, but files not yet uploaded are not listed again after a crash or quit, and new links are not kept in History. To fix it, free disk space or make {folder} writable, then restart uploader-gui.</source>
            <translation>无法保存上传历史记录：{reason}。
上传会继续进行，但程序崩溃或退出后，尚未上传的文件不会再次列出，新链接也不会保存到历史记录中。要解决此问题，请释放磁盘空间或使 {folder} 可写，然后重新启动 uploader-gui。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Open Folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message numerus="yes">
            <location line="+9" />
            <source>%n file from last time was not uploaded: uploader-gui stopped before sending it.</source>
            <translation>
                <numerusform>上次有 %n 个文件未上传：uploader-gui 在发送前已停止。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%n files from last time were not uploaded: uploader-gui stopped before sending them.</source>
            <translation>
                <numerusform>上次有 %n 个文件未上传：uploader-gui 在发送前已停止。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Send All</source>
            <translation>全部发送</translation>
        </message>
    </context>
    <context>
        <name>Intake</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/intake.py" line="+53" />
            <source>could not save the image to {path}</source>
            <translation>无法将图片保存到 {path}</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Drop to upload %n item(s)</source>
            <translation>
                <numerusform>松开以上传 %n 个项目</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Drop to add the destination in {name}</source>
            <translation>松开以添加 {name} 中的上传目标</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Drop to upload {name}</source>
            <translation>松开以上传 {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Drop to upload this image</source>
            <translation>松开以上传此图片</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Links can't be uploaded: drag the image file or the picture itself</source>
            <translation>无法上传链接：请拖入图片文件或图片本身</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only image files, folders or pictures can be dropped here</source>
            <translation>此处只能拖入图片文件、文件夹或图片</translation>
        </message>
        <message>
            <location line="+81" />
            <source>Could not read the dropped files: {error}</source>
            <translation>无法读取拖入的文件：{error}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>“{folder}”</source>
            <translation>“{folder}”</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>uploader-gui closed before you answered. {folders} holds %n image(s). Upload all of them?</source>
            <translation>
                <numerusform>您回答之前 uploader-gui 已关闭。{folders} 中有 %n 张图片。要全部上传吗？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>{folders} holds %n image(s). Upload all of them?</source>
            <translation>
                <numerusform>{folders} 中有 %n 张图片。要全部上传吗？</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Upload a whole folder?</source>
            <translation>上传整个文件夹？</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Upload %n Image(s)</source>
            <translation>
                <numerusform>上传 %n 张图片</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>No images found in {folders}</source>
            <translation>在 {folders} 中未找到图片</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Some folders could not be read: {folders}</source>
            <translation>部分文件夹无法读取：{folders}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Waiting for an API key before uploading</source>
            <translation>正在等待 API 密钥，之后开始上传</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Could not keep the image: {error}</source>
            <translation>无法保存图片：{error}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The clipboard holds no image or file to upload</source>
            <translation>剪贴板中没有可上传的图片或文件</translation>
        </message>
    </context>
    <context>
        <name>KeyDialog</name>
        <message>
            <location filename="../uploader_gui/ui/destination/key_dialog.py" line="+39" />
            <location line="+61" />
            <location line="+1" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="-33" />
            <source>Welcome! Paste your ImagePipeline API key to start uploading.</source>
            <translation>欢迎！粘贴您的 ImagePipeline API 密钥即可开始上传。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The key is for {host}. It is kept in {keyring}, never in a file.</source>
            <translation>此密钥用于 {host}。它保存在 {keyring} 中，绝不会写入文件。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The key is for {host}. {no_keyring}</source>
            <translation>此密钥用于 {host}。{no_keyring}</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+59" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location line="-57" />
            <source>Show key</source>
            <translation>显示密钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show or hide the key</source>
            <translation>显示或隐藏密钥</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Test key</source>
            <translation>测试密钥</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ask the server whether it accepts this key</source>
            <translation>询问服务器是否接受此密钥</translation>
        </message>
        <message>
            <location line="-57" />
            <source>Key test result</source>
            <translation>密钥测试结果</translation>
        </message>
        <message>
            <location line="+71" />
            <source>Save to {keyring}</source>
            <translation>保存到 {keyring}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use for This Session</source>
            <translation>仅用于本次会话</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Try the Sandbox</source>
            <translation>试用沙盒</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload to a local test server instead: no account needed; its links work only on this computer while the app runs</source>
            <translation>改为上传到本地测试服务器：无需账号；其链接仅在本机且应用运行期间有效</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
    </context>
    <context>
        <name>Keyring</name>
        <message>
            <location filename="../uploader_gui/core/credentials.py" line="+40" />
            <source>from the environment ({variable})</source>
            <translation>来自环境变量（{variable}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>for this session only (kept in memory)</source>
            <translation>仅用于本次会话（保存在内存中）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>stored in {keyring}</source>
            <translation>保存在 {keyring} 中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No secure keyring is available on this system (Secret Service, macOS Keychain or Windows Credential Locker), and uploader-gui never stores keys in plain text. The key can be used for this session only; to keep it, set {variable} in your environment.</source>
            <translation>此系统上没有可用的安全密钥环（Secret Service、macOS Keychain 或 Windows 凭据保险箱），而 uploader-gui 从不以明文保存密钥。此密钥只能在本次会话中使用；如需保留，请在环境变量中设置 {variable}。</translation>
        </message>
        <message>
            <location line="+58" />
            <source>{keyring} is locked or could not be opened ({reason}). Unlock it (for example by logging in to your desktop session) and try again.</source>
            <translation>{keyring} 已锁定或无法打开（{reason}）。请将其解锁（例如登录桌面会话）后重试。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{keyring} refused access to the key ({reason}).</source>
            <translation>{keyring} 拒绝访问该密钥（{reason}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not talk to {keyring} over D-Bus ({reason}). Is the keyring service running?</source>
            <translation>无法通过 D-Bus 与 {keyring} 通信（{reason}）。密钥环服务是否正在运行？</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{keyring} failed: {reason}</source>
            <translation>{keyring} 出错：{reason}</translation>
        </message>
        <message>
            <location line="+29" />
            <location line="+6" />
            <source>the system keyring</source>
            <translation>系统密钥环</translation>
        </message>
        <message>
            <location line="-4" />
            <source>no secure keyring</source>
            <translation>没有安全密钥环</translation>
        </message>
    </context>
    <context>
        <name>Keys</name>
        <message>
            <location filename="../uploader_gui/ui/destination/keys.py" line="+212" />
            <source>Waiting for a usable API URL: {reason}</source>
            <translation>正在等待可用的 API URL：{reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Uploads are on hold: the API URL from {option} or {variable} can't be used. Start uploader-gui with another one.
{reason}.</source>
            <translation>上传已暂停：来自 {option} 或 {variable} 的 API URL 无法使用。请使用其他 URL 启动 uploader-gui。
{reason}。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Uploads are on hold: the API URL from Settings can't be used.
{reason}.</source>
            <translation>上传已暂停：设置中的 API URL 无法使用。
{reason}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open Settings</source>
            <translation>打开设置</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/sandbox.py" line="+35" />
            <source>Sandbox mode: uploads go to a local test server at {url}. No account is needed; its links work only on this computer while the app runs.</source>
            <translation>沙盒模式：文件将上传到位于 {url} 的本地测试服务器。无需账号；其链接仅在本机且应用运行期间有效。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/keys.py" line="+53" />
            <source>The keyring could not be read: {error}</source>
            <translation>无法读取密钥环：{error}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The key comes from {variable}; change it there</source>
            <translation>密钥来自 {variable}；请在那里修改</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Paste a new API key.</source>
            <translation>请粘贴新的 API 密钥。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>No API key: dropped files wait until you set one (Settings ▸ API Key…)</source>
            <translation>没有 API 密钥：拖入的文件将等待您设置密钥（设置 ▸ API 密钥…）</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/api_key.py" line="+149" />
            <location filename="../uploader_gui/ui/destination/keys.py" line="+7" />
            <source>the API URL cannot be used</source>
            <translation>无法使用该 API URL</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/keys.py" line="+9" />
            <source>Using the key for this session only</source>
            <translation>此密钥仅用于本次会话</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The API key was rejected by the server. Paste a valid key.</source>
            <translation>服务器拒绝了 API 密钥。请粘贴有效的密钥。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/api_key.py" line="-80" />
            <source>The API key is saved in {keyring}</source>
            <translation>API 密钥已保存到 {keyring}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The key was not saved</source>
            <translation>密钥未保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{error}

The key will be used until you quit uploader-gui.</source>
            <translation>{error}

在您退出 uploader-gui 之前，将一直使用此密钥。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/proxy_passwords.py" line="+42" />
            <source>The proxy's password is saved in {keyring}</source>
            <translation>代理密码已保存到 {keyring}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The proxy's password was not saved</source>
            <translation>代理密码未保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{error}

It will be used until you quit uploader-gui.</source>
            <translation>{error}

在您退出 uploader-gui 之前，将一直使用它。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/api_key.py" line="+15" />
            <source>The key for {host} will be deleted from {keyring}.</source>
            <translation>将从 {keyring} 中删除 {host} 的密钥。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The key for {host} will be deleted from this session.</source>
            <translation>将从本次会话中删除 {host} 的密钥。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove the API key?</source>
            <translation>移除 API 密钥？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove Key</source>
            <translation>移除密钥</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The key was not removed</source>
            <translation>密钥未移除</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The key for {host} was removed</source>
            <translation>已移除 {host} 的密钥</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The sandbox needs no key.</source>
            <translation>沙盒无需密钥。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not used</source>
            <translation>未使用</translation>
        </message>
        <message>
            <location line="+7" />
            <source>no secure keyring</source>
            <translation>没有安全密钥环</translation>
        </message>
        <message>
            <location line="+2" />
            <source>not checked yet</source>
            <translation>尚未检查</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Key for {host}: {source}.</source>
            <translation>{host} 的密钥：{source}。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>✓ {host} accepts this key.</source>
            <translation>✓ {host} 接受此密钥。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ {host} rejected this key.</source>
            <translation>✗ {host} 拒绝了此密钥。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Could not check the key: {error}</source>
            <translation>无法检查密钥：{error}</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../uploader_gui/ui/base/language.py" line="+28" />
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
    </context>
    <context>
        <name>LinkFormats</name>
        <message>
            <location filename="../uploader_gui/core/links.py" line="+70" />
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Markdown</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HTML</source>
            <translation>HTML</translation>
        </message>
        <message>
            <location line="+1" />
            <source>BBCode</source>
            <translation>BBCode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON string</source>
            <translation>JSON 字符串</translation>
        </message>
    </context>
    <context>
        <name>Links</name>
        <message>
            <location filename="../uploader_gui/ui/links/service.py" line="+149" />
            <source>Nothing to copy: no finished upload selected</source>
            <translation>没有可复制的内容：未选中已完成的上传</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copied {name} as {format}</source>
            <translation>已将 {name} 复制为 {format}</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Copied %n link(s) as {format}</source>
            <translation>
                <numerusform>已将 %n 个链接复制为 {format}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+60" />
            <source>Uploaded: %n link(s) copied to the clipboard as {format}</source>
            <translation>
                <numerusform>已上传：%n 个链接已以 {format} 格式复制到剪贴板</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>{copied}; %n failed</source>
            <translation>
                <numerusform>{copied}；%n 个失败</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Network</name>
        <message>
            <location filename="../uploader_gui/platform/linux/gnome_proxy.py" line="+24" />
            <source>the GNOME proxy settings</source>
            <translation>GNOME 代理设置</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/network/proxy.py" line="+36" />
            <source>the proxy set in Settings</source>
            <translation>设置中指定的代理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the proxy's port must be a number from 1 to 65535</source>
            <translation>代理端口必须是 1 到 65535 之间的数字</translation>
        </message>
        <message>
            <location line="+34" />
            <source>the proxy at {address} would receive its password in clear text (its address starts with http:// or socks5://): only an https:// proxy keeps it private. To send it anyway, allow it for this proxy in Settings ▸ Network (or give --allow-plain-proxy-password)</source>
            <translation>位于 {address} 的代理会以明文收到其密码（其地址以 http:// 或 socks5:// 开头）：只有 https:// 代理能保护密码。若仍要发送，请在 设置 ▸ 网络 中为此代理允许（或使用 --allow-plain-proxy-password）</translation>
        </message>
        <message>
            <location line="+33" />
            <source>enter the proxy's address, for example http://proxy.example:3128</source>
            <translation>请输入代理地址，例如 http://proxy.example:3128</translation>
        </message>
        <message>
            <location line="+11" />
            <source>a proxy address starts with http://, https://, socks5:// or socks5h:// (not {scheme}://)</source>
            <translation>代理地址应以 http://、https://、socks5:// 或 socks5h:// 开头（而不是 {scheme}://）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the proxy address has no host name</source>
            <translation>代理地址中没有主机名</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a proxy address is only a host and a port, with no path</source>
            <translation>代理地址只包含主机和端口，不能带路径</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the proxy address contains spaces or control characters</source>
            <translation>代理地址包含空格或控制字符</translation>
        </message>
        <message>
            <location line="+123" />
            <source>{variable} is not a usable proxy address: {reason}</source>
            <translation>{variable} 不是可用的代理地址：{reason}</translation>
        </message>
        <message>
            <location line="+71" />
            <source>the proxy at {address} refused the connection ({kind}: it wants a user name and password)</source>
            <translation>位于 {address} 的代理拒绝了连接（{kind}：需要用户名和密码）</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the proxy at {address} refused the connection (HTTP {status})</source>
            <translation>位于 {address} 的代理拒绝了连接（HTTP {status}）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the proxy at {address} refused the connection (HTTP {status}: {reason})</source>
            <translation>位于 {address} 的代理拒绝了连接（HTTP {status}：{reason}）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the proxy at {address} could not reach the API host (no reason given)</source>
            <translation>位于 {address} 的代理无法连接到 API 主机（未说明原因）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the proxy at {address} could not reach the API host ({reason})</source>
            <translation>位于 {address} 的代理无法连接到 API 主机（{reason}）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the proxy at {address} failed</source>
            <translation>位于 {address} 的代理出错</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the proxy at {address} failed: {reason}</source>
            <translation>位于 {address} 的代理出错：{reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the proxy at {address} refused the connection ({kind}: it did not accept the user name and password)</source>
            <translation>位于 {address} 的代理拒绝了连接（{kind}：用户名或密码未被接受）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>could not connect to the proxy at {address} (from {source}): {reason}</source>
            <translation>无法连接到位于 {address} 的代理（来源：{source}）：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/network/tls.py" line="+43" />
            <source>the certificate of {host} is not trusted: it is self-signed, so nobody vouches for it. If your company inspects HTTPS traffic, ask IT to install its root certificate in the system.</source>
            <translation>{host} 的证书不受信任：它是自签名证书，没有任何机构为其担保。如果您的公司会检查 HTTPS 流量，请让 IT 部门将公司的根证书安装到系统中。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the certificate of {host} is not trusted: it was issued by an unknown authority. If your company inspects HTTPS traffic, ask IT to install its root certificate in the system.</source>
            <translation>{host} 的证书不受信任：它由未知的证书颁发机构签发。如果您的公司会检查 HTTPS 流量，请让 IT 部门将公司的根证书安装到系统中。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the certificate of {host} has expired, so the connection is not safe. If the computer's date is right, the service must renew its certificate.</source>
            <translation>{host} 的证书已过期，连接不安全。如果计算机的日期正确，则需要该服务续订其证书。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the certificate of {host} is not valid yet. Check the computer's date and time.</source>
            <translation>{host} 的证书尚未生效。请检查计算机的日期和时间。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the certificate presented for {host} belongs to another name, so the connection may not reach the real {host}. Check the API address.</source>
            <translation>{host} 提供的证书属于另一个名称，因此连接可能并未到达真正的 {host}。请检查 API 地址。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the certificate of {host} could not be verified, so the connection is not safe</source>
            <translation>无法验证 {host} 的证书，连接不安全</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_transport.py" line="-84" />
            <source>the proxy cannot be used: {address} is not a valid address</source>
            <translation>无法使用代理：{address} 不是有效的地址</translation>
        </message>
        <message>
            <location line="+57" />
            <source>The proxy at {proxy} is reached over HTTPS too: its own certificate may be the one refused.</source>
            <translation>位于 {proxy} 的代理同样通过 HTTPS 连接：被拒绝的可能是代理自己的证书。</translation>
        </message>
    </context>
    <context>
        <name>Notices</name>
        <message>
            <location filename="../uploader_gui/ui/notices/network.py" line="+20" />
            <source>Uploads cannot reach the service: {reason}</source>
            <translation>上传无法连接到服务：{reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Network Settings</source>
            <translation>网络设置</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/report.py" line="+47" />
            <source>Information</source>
            <translation>信息</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/notices/bar.py" line="+100" />
            <source>{severity}: {text}</source>
            <translation>{severity}：{text}</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Notices</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/notices/single_instance.py" line="+19" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Another user's file is in the way of the single-window hand-off ({path}): this window works on its own, and files you open later get windows of their own.</source>
            <translation>另一个用户的文件妨碍了单窗口交接（{path}）：此窗口独立工作，之后打开的文件会各自打开新窗口。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{path} is not a private folder (it is a link or a file, or other users may open it), so the single-window hand-off is off: this window works on its own. Remove it, and the next start makes it anew.</source>
            <translation>{path} 不是私有文件夹（它是链接或文件，或其他用户可以打开它），因此单窗口交接已关闭：此窗口独立工作。删除它后，下次启动会重新创建。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The single-window hand-off cannot use {path} ({reason}): this window works on its own.</source>
            <translation>单窗口交接无法使用 {path}（{reason}）：此窗口独立工作。</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message numerus="yes">
            <location filename="../uploader_gui/ui/notices/notifications.py" line="+28" />
            <source>%n image(s) uploaded</source>
            <translation>
                <numerusform>已上传 %n 张图片</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>{uploaded}, {failed}</source>
            <translation>{uploaded}，{failed}</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n 个失败</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>{name}: {reason}</source>
            <translation>{name}：{reason}</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>and %n more</source>
            <translation>
                <numerusform>还有 %n 个</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>{uploaded}; links copied</source>
            <translation>{uploaded}；链接已复制</translation>
        </message>
        <message>
            <location filename="../uploader_gui/platform/linux/dbus_notifications.py" line="+54" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/page.py" line="+59" />
            <source>Uploads</source>
            <translation>上传</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/history/page.py" line="+150" />
            <location filename="../uploader_gui/ui/uploads/page.py" line="+31" />
            <source>Not copied: deleted from the server, the link is dead</source>
            <translation>未复制：已从服务器删除，链接已失效</translation>
        </message>
        <message numerus="yes">
            <location line="+26" />
            <source>All %n entry and their thumbnails will be deleted. Uploaded images stay online.</source>
            <translation>
                <numerusform>将删除全部 %n 条记录及其缩略图。已上传的图片仍保留在线上。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>All %n entries and their thumbnails will be deleted. Uploaded images stay online.</source>
            <translation>
                <numerusform>将删除全部 %n 条记录及其缩略图。已上传的图片仍保留在线上。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>Clear the upload history?</source>
            <translation>清除上传历史记录？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear History</source>
            <translation>清除历史记录</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The history was not changed</source>
            <translation>历史记录未更改</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export history</source>
            <translation>导出历史记录</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{file}: {error}</source>
            <translation>{file}：{error}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Exported %n entry to {file}</source>
            <translation>
                <numerusform>已将 %n 条记录导出到 {file}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Exported %n entries to {file}</source>
            <translation>
                <numerusform>已将 %n 条记录导出到 {file}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PicGo</name>
        <message>
            <location filename="../uploader_gui/core/picgo/messages.py" line="-95" />
            <source>refused: this server answers only 127.0.0.1 and localhost</source>
            <translation>已拒绝：此服务器只响应 127.0.0.1 和 localhost</translation>
        </message>
        <message>
            <location line="+4" />
            <source>refused: requests from web pages are not accepted</source>
            <translation>已拒绝：不接受来自网页的请求</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the key is missing or wrong: add ?key=… to the address, as set in uploader-gui</source>
            <translation>密钥缺失或错误：请在地址后加上 ?key=…，与 uploader-gui 中的设置一致</translation>
        </message>
        <message>
            <location line="+6" />
            <source>unknown address: images are sent with POST /upload</source>
            <translation>未知地址：图片应通过 POST /upload 发送</translation>
        </message>
        <message>
            <location line="+4" />
            <source>only POST is accepted here</source>
            <translation>此处只接受 POST</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the body must be JSON, multipart/form-data, or empty (for the clipboard)</source>
            <translation>请求体必须是 JSON、multipart/form-data，或为空（表示上传剪贴板）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the request must give its length (Content-Length)</source>
            <translation>请求必须给出其长度（Content-Length）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the request is too large: at most {size}</source>
            <translation>请求过大：最多 {size}</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>too many images in one request: at most %n</source>
            <translation>
                <numerusform>单个请求中的图片过多：最多 %n 张</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>the body is not JSON with a list of paths</source>
            <translation>请求体不是包含路径列表的 JSON</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the form data could not be read</source>
            <translation>无法读取表单数据</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the form holds no image: send files under the field list or files</source>
            <translation>表单中没有图片：请在字段 list 或 files 中发送文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a file was sent under the field {name}: use list or files</source>
            <translation>文件是在字段 {name} 中发送的：请使用 list 或 files</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the request could not be read</source>
            <translation>无法读取请求</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the request did not arrive in time</source>
            <translation>请求未能及时到达</translation>
        </message>
        <message>
            <location line="+4" />
            <source>uploader-gui is stopping</source>
            <translation>uploader-gui 正在停止</translation>
        </message>
        <message>
            <location line="+4" />
            <source>uploader-gui could not upload: {reason}</source>
            <translation>uploader-gui 无法上传：{reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>uploader-gui gave no result for this image</source>
            <translation>uploader-gui 没有给出此图片的结果</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not an absolute path</source>
            <translation>不是绝对路径</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not a valid path</source>
            <translation>不是有效的路径</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a web address: only files on this computer are uploaded</source>
            <translation>这是网址：只会上传本机上的文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not an image ({kind})</source>
            <translation>不是图片（{kind}）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>larger than {size}</source>
            <translation>大于 {size}</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%n image(s) not uploaded</source>
            <translation>
                <numerusform>%n 张图片未上传</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/picgo/server.py" line="+51" />
            <source>port {port} is already in use (is PicGo or PicList running?): quit it or choose another port</source>
            <translation>端口 {port} 已被占用（PicGo 或 PicList 是否正在运行？）：请退出该程序或选择其他端口</translation>
        </message>
        <message>
            <location line="+6" />
            <source>cannot listen on port {port}: {reason}</source>
            <translation>无法监听端口 {port}：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/sources/picgo_bridge.py" line="+51" />
            <source>uploader-gui is closing</source>
            <translation>uploader-gui 正在关闭</translation>
        </message>
        <message>
            <location line="+36" />
            <source>a .sxcu file is a ShareX destination, not an image</source>
            <translation>.sxcu 文件是 ShareX 上传目标，不是图片</translation>
        </message>
        <message>
            <location line="+34" />
            <source>uploader-gui cannot upload yet (no API key, or uploads on hold): see its window</source>
            <translation>uploader-gui 暂时无法上传（没有 API 密钥或上传已暂停）：请查看其窗口</translation>
        </message>
        <message>
            <location line="+18" />
            <source>the clipboard holds no image or image file</source>
            <translation>剪贴板中没有图片或图片文件</translation>
        </message>
        <message numerus="yes">
            <location line="+9" />
            <source>Another app sent %n image(s) to upload</source>
            <translation>
                <numerusform>另一个应用发送了 %n 张图片待上传</numerusform>
            </translation>
        </message>
        <message>
            <location line="+37" />
            <source>cancelled in uploader-gui</source>
            <translation>已在 uploader-gui 中取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not uploaded</source>
            <translation>未上传</translation>
        </message>
        <message>
            <location line="+4" />
            <source>removed from uploader-gui's list before it finished</source>
            <translation>在完成前已从 uploader-gui 的列表中移除</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/sources/picgo_service.py" line="+79" />
            <source>Other apps cannot upload through uploader-gui: {reason}</source>
            <translation>其他应用无法通过 uploader-gui 上传：{reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Other apps can upload through {url}</source>
            <translation>其他应用可以通过 {url} 上传</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <location filename="../uploader_gui/ui/settings/preferences.py" line="+104" />
            <source>sandbox mode</source>
            <translation>沙盒模式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>--api-url or IMAGEPIPELINE_API_URL</source>
            <translation>--api-url 或 IMAGEPIPELINE_API_URL</translation>
        </message>
        <message>
            <location line="-19" />
            <source>The new language applies when uploader-gui starts again</source>
            <translation>新语言将在 uploader-gui 下次启动时生效</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Send the Proxy Password Unencrypted?</source>
            <translation>以未加密方式发送代理密码？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The proxy at {address} asks for a password, and its address starts with http:// or socks5://: the password would cross the network unencrypted, where others on the way can read it (the uploads themselves stay encrypted). An https:// proxy address would keep it private. Send it to this proxy anyway?</source>
            <translation>位于 {address} 的代理要求密码，且其地址以 http:// 或 socks5:// 开头：密码将以未加密方式在网络上传输，途中的其他人可以读取（上传内容本身仍保持加密）。使用 https:// 代理地址可以保护密码。仍要发送给此代理吗？</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Send It to This Proxy</source>
            <translation>发送给此代理</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The templates were not saved</source>
            <translation>模板未保存</translation>
        </message>
    </context>
    <context>
        <name>Prepare</name>
        <message>
            <location filename="../uploader_gui/core/prepare/fields.py" line="+15" />
            <source>location</source>
            <translation>位置信息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>camera serial</source>
            <translation>相机序列号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>owner</source>
            <translation>所有者</translation>
        </message>
        <message>
            <location line="+1" />
            <source>dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>camera make and model</source>
            <translation>相机品牌和型号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>maker notes</source>
            <translation>制造商注释</translation>
        </message>
        <message>
            <location line="+1" />
            <source>EXIF thumbnail</source>
            <translation>EXIF 缩略图</translation>
        </message>
        <message>
            <location line="+3" />
            <source>extra images</source>
            <translation>附加图像</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hidden data after the image</source>
            <translation>图像之后的隐藏数据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>preview image</source>
            <translation>预览图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XMP</source>
            <translation>XMP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IPTC</source>
            <translation>IPTC</translation>
        </message>
        <message>
            <location line="+1" />
            <source>comment</source>
            <translation>注释</translation>
        </message>
        <message>
            <location line="+1" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>other EXIF</source>
            <translation>其他 EXIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>other data</source>
            <translation>其他数据</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/metadata.py" line="-20" />
            <source>no personal metadata found</source>
            <translation>未发现个人元数据</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{group} removed</source>
            <translation>已移除{group}</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>{group} and %n other field(s) removed</source>
            <translation>
                <numerusform>已移除{group}及其他 %n 个字段</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/pipeline.py" line="-47" />
            <source>converted from {format}</source>
            <translation>已从 {format} 转换</translation>
        </message>
        <message>
            <location line="+4" />
            <source>resized from {width} × {height}</source>
            <translation>已从 {width} × {height} 缩小</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>{format} with %n page(s): only the first was sent</source>
            <translation>
                <numerusform>{format} 共 %n 页：仅发送了第一页</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>an animated {format} is sent at its own size</source>
            <translation>动画 {format} 按原尺寸发送</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+72" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Screenshots and other apps</source>
            <translation>截图与其他应用</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;General</source>
            <translation>常规(&amp;G)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Images</source>
            <translation>图片(&amp;I)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Copying</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Network</source>
            <translation>网络(&amp;N)</translation>
        </message>
        <message>
            <location line="+29" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+109" />
            <source>Set Key…</source>
            <translation>设置密钥…</translation>
        </message>
        <message>
            <location line="-107" />
            <source>Remove Key</source>
            <translation>移除密钥</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete the key from the keyring</source>
            <translation>从密钥环中删除密钥</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Press OK to switch to the new API URL; its key comes next.</source>
            <translation>按“确定”切换到新的 API URL，接下来设置它的密钥。</translation>
        </message>
        <message>
            <location line="-63" />
            <source>Uploads</source>
            <translation>上传</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+63" />
            <source>How many files upload at once (applies to the next uploads)</source>
            <translation>同时上传的文件数（从下次上传开始生效）</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Parallel uploads:</source>
            <translation>并行上传数(&amp;P)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>How often a rate-limited or failed upload is tried again</source>
            <translation>受速率限制或失败的上传的重试次数</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Retries:</source>
            <translation>重试次数(&amp;R)：</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reuse the link of a file already uploaded</source>
            <translation>复用已上传文件的链接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A file whose bytes were uploaded to this API before gets its earlier URL at once</source>
            <translation>内容曾上传到此 API 的文件会立即获得之前的 URL</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Resume unfinished uploads at start</source>
            <translation>启动时继续未完成的上传</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files left unfinished when the app last quit or crashed upload again at once (otherwise they are listed with Retry)</source>
            <translation>应用上次退出或崩溃时未完成的文件会立即重新上传（否则会列出并提供“重试”）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Notify me when uploads finish in the background</source>
            <translation>后台上传完成时通知我</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A desktop notification when a drop has finished while the window is not active</source>
            <translation>窗口未处于活动状态时，一次拖放的文件全部完成后显示桌面通知</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+9" />
            <source>Before upload</source>
            <translation>上传前</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+58" />
            <source>Remove location and camera details before upload</source>
            <translation>上传前移除位置和相机信息</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Location, camera make, model and serial number, owner, dates, XMP and comments are removed without re-encoding the picture; orientation and colour profile stay</source>
            <translation>移除位置、相机品牌、型号和序列号、所有者、日期、XMP 和注释，不会重新编码图片；方向和颜色配置文件保持不变</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Convert HEIC, AVIF, BMP and TIFF to JPEG or PNG</source>
            <translation>将 HEIC、AVIF、BMP 和 TIFF 转换为 JPEG 或 PNG</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Shrink images larger than</source>
            <translation>缩小超过此尺寸的图片：</translation>
        </message>
        <message>
            <location line="+1" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Largest long side</source>
            <translation>最大长边</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/rows.py" line="+146" />
            <source>Changes apply to files not yet started.</source>
            <translation>更改将应用于尚未开始上传的文件。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+83" />
            <source>Copying</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+6" />
            <source>Copy &amp;format:</source>
            <translation>复制格式(&amp;F)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy the links when every file of a drop has finished</source>
            <translation>一次拖放的文件全部完成后复制链接</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+7" />
            <source>Your templates:</source>
            <translation>您的模板：</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Advanced</source>
            <translation>高级</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="-45" />
            <source>The API's base URL; https only (http only for localhost)</source>
            <translation>API 的基础 URL；仅限 https（localhost 可使用 http）</translation>
        </message>
        <message>
            <location line="-1" />
            <source>API &amp;URL:</source>
            <translation>API URL(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+10" />
            <source>Set by {source} for this session.</source>
            <translation>本次会话由 {source} 设置。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+11" />
            <source>Applies when uploader-gui starts again</source>
            <translation>在 uploader-gui 下次启动时生效</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <location line="-44" />
            <source>Hide this window while I take a screenshot</source>
            <translation>截图时隐藏此窗口</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File ▸ Take Screenshot hides the window until the desktop's screenshot tool is done</source>
            <translation>文件 ▸ 截图 会隐藏窗口，直到桌面的截图工具完成</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Let other apps upload through uploader-gui</source>
            <translation>允许其他应用通过 uploader-gui 上传</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A PicGo-compatible server on this computer only (http://127.0.0.1:PORT/upload), for editors with a PicGo upload button such as Obsidian and SiYuan</source>
            <translation>仅在本机运行的 PicGo 兼容服务器（http://127.0.0.1:端口/upload），供带有 PicGo 上传按钮的编辑器使用，如 Obsidian 和思源笔记</translation>
        </message>
        <message>
            <location line="+8" />
            <source>P&amp;ort:</source>
            <translation>端口(&amp;O)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PicGo's port is 36677, which editors expect</source>
            <translation>PicGo 的端口是 36677，编辑器默认使用它</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Key:</source>
            <translation>密钥(&amp;K)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When set, an app must add ?key=… to the address, as PicList asks</source>
            <translation>设置后，应用必须在地址后加上 ?key=…（与 PicList 相同）</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Proxy</source>
            <translation>代理</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Use the &amp;system's proxy settings</source>
            <translation>使用系统代理设置(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HTTPS_PROXY, ALL_PROXY and NO_PROXY, or else the desktop's proxy settings (GNOME)</source>
            <translation>HTTPS_PROXY、ALL_PROXY 和 NO_PROXY，若未设置则使用桌面的代理设置（GNOME）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;No proxy</source>
            <translation>不使用代理(&amp;N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use &amp;this proxy:</source>
            <translation>使用此代理(&amp;T)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Proxy address</source>
            <translation>代理地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>http://, https://, socks5:// or socks5h://; add user@ before the host if the proxy asks for a user name</source>
            <translation>http://、https://、socks5:// 或 socks5h://；如果代理需要用户名，请在主机前加上 user@</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/proxy_box.py" line="+62" />
            <source>Proxy password</source>
            <translation>代理密码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved in the system keyring, never in a settings file</source>
            <translation>保存在系统密钥环中，绝不写入设置文件</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="-2" />
            <source>&amp;Address:</source>
            <translation>地址(&amp;A)：</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/proxy_box.py" line="+4" />
            <source>&amp;Forget Password</source>
            <translation>忘记密码(&amp;F)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete this proxy's password from the keyring</source>
            <translation>从密钥环中删除此代理的密码</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Pass&amp;word:</source>
            <translation>密码(&amp;W)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>none (forgotten when you press OK)</source>
            <translation>无（按“确定”后忘记）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unchanged (kept in the keyring)</source>
            <translation>未更改（保存在密钥环中）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>only if the proxy asks for one</source>
            <translation>仅在代理要求时填写</translation>
        </message>
        <message>
            <location line="+29" />
            <source>add the user name to the address (http://user@proxy.example:3128) so the password can be kept for it</source>
            <translation>请在地址中加入用户名（http://user@proxy.example:3128），以便为其保存密码</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+22" />
            <source>Keyring in use: {backend}</source>
            <translation>正在使用的密钥环：{backend}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Replace Key…</source>
            <translation>更换密钥…</translation>
        </message>
    </context>
    <context>
        <name>SettingsFile</name>
        <message>
            <location filename="../uploader_gui/cli.py" line="+357" />
            <source>warning: {problem} The template {name} comes from it: check it, then run: {command}</source>
            <translation>警告：{problem} 模板 {name} 来自该文件：请检查后运行：{command}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/store.py" line="+122" />
            <location filename="../uploader_gui/core/link_templates.py" line="+63" />
            <location filename="../uploader_gui/core/paths.py" line="+136" />
            <source>{path} belongs to another user.</source>
            <translation>{path} 属于另一个用户。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/paths.py" line="+2" />
            <source>Other users on this computer can change the files in {path}.</source>
            <translation>此计算机上的其他用户可以更改 {path} 中的文件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Other users on this computer can change {path}.</source>
            <translation>此计算机上的其他用户可以更改 {path}。</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/notices/settings_file.py" line="+37" />
            <source>So that nobody else decides what leaves your computer or where it goes, uploader-gui ignores what your settings file says about removing location and camera details, preparing images, the API URL, the proxy and resuming unfinished uploads. Until this is fixed, location and camera details are removed, images are prepared the default way, and uploads go to the default API URL through the system's proxy settings.</source>
            <translation>为了不让他人决定哪些内容离开你的计算机以及发送到哪里，uploader-gui 会忽略设置文件中关于移除位置和相机信息、图片准备、API URL、代理以及继续未完成上传的内容。在修复之前，位置和相机信息会被移除，图片按默认方式准备，上传通过系统代理设置发送到默认 API URL。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Your link templates are still offered: check them in Settings ▸ Copying.</source>
            <translation>你的链接模板仍然可用：请在 设置 ▸ 复制 中检查它们。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Its custom destinations are not used (they say where your pictures go): check the file, then run: {command}</source>
            <translation>其中的自定义上传目标不会被使用（它们决定你的图片发送到哪里）：请检查该文件，然后运行：{command}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Nothing can be saved there: changes made in Settings last until uploader-gui quits. To fix it, run: {command} and start uploader-gui again.</source>
            <translation>无法在那里保存任何内容：在设置中所做的更改只在 uploader-gui 退出前有效。要修复，请运行：{command}，然后重新启动 uploader-gui。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>To fix it, open Settings and press OK: uploader-gui then writes its settings again, for you alone. Or check them yourself and run: {command}</source>
            <translation>要修复，请打开设置并按“确定”：uploader-gui 会重新写入设置，仅供你使用。或者自行检查后运行：{command}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Open Settings</source>
            <translation>打开设置</translation>
        </message>
    </context>
    <context>
        <name>Sources</name>
        <message>
            <location filename="../uploader_gui/core/source_files.py" line="+80" />
            <source>the copy to send could not be saved: {reason}</source>
            <translation>无法保存要发送的副本：{reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/stdin_image.py" line="+74" />
            <source>standard input is a terminal: pipe an image in, e.g. grim - | uploader-gui --headless -</source>
            <translation>标准输入是终端：请通过管道传入图片，例如 grim - | uploader-gui --headless -</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+38" />
            <source>nothing came on standard input</source>
            <translation>标准输入中没有任何内容</translation>
        </message>
        <message>
            <location line="-10" />
            <source>standard input is not an image the app can send: {detected}; allowed: PNG, JPEG, WebP, GIF, HEIC, HEIF, AVIF, BMP, TIFF</source>
            <translation>标准输入不是本应用可以发送的图片：{detected}；允许的格式：PNG、JPEG、WebP、GIF、HEIC、HEIF、AVIF、BMP、TIFF</translation>
        </message>
        <message>
            <location line="+29" />
            <source>standard input could not be read: {reason}</source>
            <translation>无法读取标准输入：{reason}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>more than {limit} came on standard input: the app takes images up to {limit}</source>
            <translation>标准输入中的数据超过 {limit}：本应用只接受不超过 {limit} 的图片</translation>
        </message>
        <message>
            <location filename="../uploader_gui/platform/fallback/no_screenshots.py" line="+16" />
            <source>taking a screenshot is not available on this system yet</source>
            <translation>此系统暂不支持截图</translation>
        </message>
        <message>
            <location filename="../uploader_gui/platform/linux/screenshot_portal.py" line="+91" />
            <source>no screenshot portal on this desktop: install xdg-desktop-portal and your desktop's backend</source>
            <translation>此桌面没有截图门户：请安装 xdg-desktop-portal 以及适用于您桌面环境的后端</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the screenshot failed: {detail}</source>
            <translation>截图失败：{detail}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the screenshot was cancelled</source>
            <translation>截图已取消</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>the screenshot portal did not answer in %n minute(s)</source>
            <translation>
                <numerusform>截图门户在 %n 分钟内没有响应</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>the screenshot portal did not answer in %n second(s)</source>
            <translation>
                <numerusform>截图门户在 %n 秒内没有响应</numerusform>
            </translation>
        </message>
        <message>
            <location line="+146" />
            <source>the portal answered with code {code}</source>
            <translation>门户返回了代码 {code}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the portal gave no local file ({uri})</source>
            <translation>门户没有给出本地文件（{uri}）</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/sources/screenshot.py" line="+88" />
            <source>The screenshot tool is already open</source>
            <translation>截图工具已经打开</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Waiting for the desktop's screenshot tool…</source>
            <translation>正在等待桌面的截图工具…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Uploading the screenshot</source>
            <translation>正在上传截图</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The screenshot could not be kept: {reason}</source>
            <translation>无法保存截图：{reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No screenshot taken</source>
            <translation>未截图</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No screenshot: {reason}</source>
            <translation>没有截图：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Summary</name>
        <message numerus="yes">
            <location filename="../uploader_gui/ui/main_window.py" line="-115" />
            <source>%n file(s) waiting</source>
            <translation>
                <numerusform>%n 个文件等待中</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Uploading {current} of {total}</source>
            <translation>正在上传第 {current} 个，共 {total} 个</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>%n image(s) uploaded</source>
            <translation>
                <numerusform>已上传 %n 张图片</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n 个失败</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>{uploaded}, {failed}</source>
            <translation>{uploaded}，{failed}</translation>
        </message>
    </context>
    <context>
        <name>Templates</name>
        <message>
            <location filename="../uploader_gui/core/link_templates.py" line="+17" />
            <source>give the template a name</source>
            <translation>请为模板命名</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“{name}” is the name of a built-in format</source>
            <translation>“{name}”是内置格式的名称</translation>
        </message>
        <message>
            <location line="+6" />
            <source>a template's name has no braces and no control characters</source>
            <translation>模板名称不能包含花括号或控制字符</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/links.py" line="+68" />
            <source>a template is one line: each link is copied on its own line</source>
            <translation>模板只能有一行：每个链接会单独复制为一行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a template must contain {{url}}</source>
            <translation>模板必须包含 {{url}}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/templates_editor.py" line="+39" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Link templates</source>
            <translation>链接模板</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Add Template</source>
            <translation>添加模板(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <location line="+106" />
            <source>Placeholders: {placeholders}. Any other brace is copied as it is.</source>
            <translation>占位符：{placeholders}。其他花括号会原样复制。</translation>
        </message>
        <message>
            <location line="-72" />
            <source>two templates are named “{name}”</source>
            <translation>有两个模板都名为“{name}”</translation>
        </message>
        <message>
            <location line="+14" />
            <source>row {row}</source>
            <translation>第 {row} 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name}: {reason}</source>
            <translation>{name}：{reason}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{braces} is not a placeholder: it is copied as typed.</source>
            <translation>{braces} 不是占位符：将按输入原样复制。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Template {number}</source>
            <translation>模板 {number}</translation>
        </message>
    </context>
    <context>
        <name>Thumbnails</name>
        <message>
            <location filename="../uploader_gui/ui/base/thumbnails.py" line="+78" />
            <source>cannot read the file</source>
            <translation>无法读取文件</translation>
        </message>
        <message>
            <location line="+8" />
            <source>no preview: not an image uploader-gui can show</source>
            <translation>无预览：不是 uploader-gui 能显示的图片</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cannot read the file: {reason}</source>
            <translation>无法读取文件：{reason}</translation>
        </message>
        <message>
            <location line="+22" />
            <source>no preview: the image is too large</source>
            <translation>无预览：图片过大</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+34" />
            <source>no preview: {reason}</source>
            <translation>无预览：{reason}</translation>
        </message>
        <message>
            <location line="+104" />
            <source>no preview</source>
            <translation>无预览</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message>
            <location filename="../uploader_gui/ui/links/top_bar.py" line="+28" />
            <source>Add images…</source>
            <translation>添加图片…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add images</source>
            <translation>添加图片</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy as</source>
            <translation>复制为</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy format</source>
            <translation>复制格式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How links are copied: plain URL, Markdown, HTML, BBCode, a JSON string, or a template of yours (Settings ▸ Copying)</source>
            <translation>链接的复制方式：纯 URL、Markdown、HTML、BBCode、JSON 字符串或您自己的模板（设置 ▸ 复制）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copy all</source>
            <translation>全部复制</translation>
        </message>
    </context>
    <context>
        <name>UploadRow</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/delegate.py" line="+73" />
            <source>The server rejected the API key: enter another</source>
            <translation>服务器拒绝了 API 密钥：请输入其他密钥</translation>
        </message>
        <message>
            <location line="+50" />
            <location line="+21" />
            <source>Copied ✓</source>
            <translation>已复制 ✓</translation>
        </message>
        <message>
            <location line="-19" />
            <location line="+21" />
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/uploads/model.py" line="+31" />
            <source>Waiting for an API key</source>
            <translation>正在等待 API 密钥</translation>
        </message>
        <message>
            <location line="+109" />
            <source>not uploaded: uploader-gui stopped before it was sent</source>
            <translation>未上传：uploader-gui 在发送前已停止</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Queued</source>
            <translation>排队中</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waiting for the server…</source>
            <translation>正在等待服务器…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preparing…</source>
            <translation>正在准备…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Uploading {percent}%</source>
            <translation>正在上传 {percent}%</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>Retrying in %n s ({reason})</source>
            <translation>
                <numerusform>%n 秒后重试（{reason}）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Retrying in %n s</source>
            <translation>
                <numerusform>%n 秒后重试</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deleted from the server</source>
            <translation>已从服务器删除</translation>
        </message>
        <message>
            <location line="+3" />
            <source>uploaded before, link reused</source>
            <translation>之前已上传，复用链接</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Interrupted: uploader-gui stopped before it was sent</source>
            <translation>已中断：uploader-gui 在发送前已停止</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Can't be uploaded: {reason}</source>
            <translation>无法上传：{reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Failed: {reason}</source>
            <translation>失败：{reason}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{name}: {status}</source>
            <translation>{name}：{status}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{name}, {size}: {status}</source>
            <translation>{name}，{size}：{status}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/uploads/outcomes.py" line="+50" />
            <source>the API key was rejected</source>
            <translation>API 密钥被拒绝</translation>
        </message>
        <message>
            <location line="+12" />
            <source>unexpected error: {name}</source>
            <translation>意外错误：{name}</translation>
        </message>
    </context>
    <context>
        <name>Window</name>
        <message>
            <location filename="../uploader_gui/ui/main_window.py" line="-160" />
            <source>&amp;Uploads</source>
            <translation>上传(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;History</source>
            <translation>历史记录(&amp;H)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Overall progress</source>
            <translation>总体进度</translation>
        </message>
        <message>
            <location line="+103" />
            <source>{app} (sandbox)</source>
            <translation>{app}（沙盒）</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Uploading {current} of {total} — {title}</source>
            <translation>正在上传 {current}/{total} — {title}</translation>
        </message>
    </context>
</TS>
