<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="my_MM">
<context>
    <name>AppError</name>
    <message>
        <source>Cannot unlock %1: the passphrase is wrong, or the file is not a Caselog store.</source>
        <translation>%1 ကို လော့ခ်ဖွင့်၍ မရပါ- စကားဝှက် မှားနေသည်၊ သို့မဟုတ် ဤဖိုင်သည် Caselog သိုလှောင်ရာ မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>No passphrase was given: type the passphrase.</source>
        <translation>စကားဝှက် မပေးရသေးပါ- စကားဝှက်ကို ရိုက်ထည့်ပါ။</translation>
    </message>
    <message>
        <source>There is no store at %1: create one or open another.</source>
        <translation>%1 တွင် သိုလှောင်ရာ မရှိပါ- အသစ်တစ်ခု ဖန်တီးပါ သို့မဟုတ် အခြားတစ်ခုကို ဖွင့်ပါ။</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name or open it.</source>
        <translation>%1 ရှိပြီးသား ဖြစ်သည်- အခြားအမည်တစ်ခု ရွေးပါ သို့မဟုတ် ၎င်းကို ဖွင့်ပါ။</translation>
    </message>
    <message>
        <source>%1 is not a Caselog store.</source>
        <translation>%1 သည် Caselog သိုလှောင်ရာ မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of Caselog (schema %2): update Caselog to open it.</source>
        <translation>%1 ကို Caselog ဗားရှင်းအသစ်ဖြင့် ပြုလုပ်ထားသည် (schema %2)- ဖွင့်ရန် Caselog ကို အပ်ဒိတ်လုပ်ပါ။</translation>
    </message>
    <message>
        <source>This store has no organisation record: it was not made by Caselog.</source>
        <translation>ဤသိုလှောင်ရာတွင် အဖွဲ့အစည်း မှတ်တမ်း မရှိပါ- Caselog ဖြင့် ပြုလုပ်ထားခြင်း မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>Could not change the passphrase of %1 (%2). The old passphrase still works.</source>
        <translation>%1 ၏ စကားဝှက်ကို ပြောင်း၍ မရပါ (%2)။ စကားဝှက်ဟောင်းဖြင့် ဆက်ဖွင့်နိုင်ပါသည်။</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>%1 သို့ အရန်ကူးယူခြင်း မအောင်မြင်ပါ- %2</translation>
    </message>
    <message>
        <source>%1 is not a folder: choose a folder or a USB stick.</source>
        <translation>%1 သည် ဖိုင်တွဲ မဟုတ်ပါ- ဖိုင်တွဲ သို့မဟုတ် USB တစ်ခုကို ရွေးပါ။</translation>
    </message>
    <message>
        <source>The store may be damaged: nothing was written.</source>
        <translation>သိုလှောင်ရာ ပျက်စီးနေနိုင်သည်- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 ကို ဖတ်၍ မရပါ- %2</translation>
    </message>
    <message>
        <source>%1: there is no such file.</source>
        <translation>%1- ဤဖိုင် မရှိပါ။</translation>
    </message>
    <message>
        <source>%1: use a .csv or .xlsx file.</source>
        <translation>%1- .csv သို့မဟုတ် .xlsx ဖိုင်ကို သုံးပါ။</translation>
    </message>
    <message>
        <source>%1: the file is empty (it has no header row).</source>
        <translation>%1- ဖိုင်သည် ဗလာ ဖြစ်နေသည် (ခေါင်းစီးအတန်း မရှိပါ)။</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text (%2): save it as &apos;CSV UTF-8&apos;.</source>
        <translation>%1 သည် UTF-8 စာသား မဟုတ်ပါ (%2)- &apos;CSV UTF-8&apos; အဖြစ် သိမ်းပါ။</translation>
    </message>
    <message>
        <source>%1 is not a readable XLSX workbook (%2).</source>
        <translation>%1 သည် ဖတ်၍ရသော XLSX ဖိုင် မဟုတ်ပါ (%2)။</translation>
    </message>
    <message>
        <source>%1 is not a readable CSV file (%2).</source>
        <translation>%1 သည် ဖတ်၍ရသော CSV ဖိုင် မဟုတ်ပါ (%2)။</translation>
    </message>
    <message>
        <source>%1 has no sheet named %2 (its sheets: %3).</source>
        <translation>%1 တွင် %2 ဟု အမည်ရသော စာရွက် မရှိပါ (ရှိသော စာရွက်များ- %3)။</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>ထည့်သွင်းခြင်းကို ပယ်ဖျက်လိုက်သည်- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>Cancelled (%1); no file was written.</source>
        <translation>ပယ်ဖျက်လိုက်သည် (%1)- ဖိုင် မရေးရသေးပါ။</translation>
    </message>
    <message>
        <source>The bundle was not made (cancelled); nothing was written.</source>
        <translation>ဖိုင်ထုပ်ကို မပြုလုပ်ရသေးပါ (ပယ်ဖျက်လိုက်သည်)- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>The bundle import was cancelled; nothing was written.</source>
        <translation>ဖိုင်ထုပ် ထည့်သွင်းခြင်းကို ပယ်ဖျက်လိုက်သည်- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>Opening the bundle was cancelled; nothing was written.</source>
        <translation>ဖိုင်ထုပ် ဖွင့်ခြင်းကို ပယ်ဖျက်လိုက်သည်- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>A post needs a link, a post reference or its text.</source>
        <translation>ပို့စ်တစ်ခုတွင် လင့်ခ်၊ ပို့စ် ရည်ညွှန်းနံပါတ် သို့မဟုတ် ၎င်း၏ စာသား လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>Platform: a post needs the platform it is on.</source>
        <translation>ပလက်ဖောင်း- ပို့စ်တစ်ခုတွင် ၎င်းရှိရာ ပလက်ဖောင်း လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>This post is already logged (%1).</source>
        <translation>ဤပို့စ်ကို မှတ်တမ်းတင်ပြီးသား ဖြစ်သည် (%1)။</translation>
    </message>
    <message>
        <source>This link is already logged as case %1.</source>
        <translation>ဤလင့်ခ်ကို ဖြစ်စဉ် %1 အဖြစ် မှတ်တမ်းတင်ပြီးသား ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>This report is already logged: same post, time and reporter.</source>
        <translation>ဤတိုင်ကြားချက်ကို မှတ်တမ်းတင်ပြီးသား ဖြစ်သည်- ပို့စ်၊ အချိန်နှင့် တိုင်ကြားသူ တူညီသည်။</translation>
    </message>
    <message>
        <source>Received at: an outcome needs the time the platform sent it.</source>
        <translation>လက်ခံရရှိချိန်- ရလဒ်တစ်ခုတွင် ပလက်ဖောင်းက ပေးပို့သည့် အချိန် လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>Received at: the response is dated before its report (%1 &lt; %2).</source>
        <translation>လက်ခံရရှိချိန်- တုံ့ပြန်ချက်၏ ရက်စွဲသည် ၎င်း၏ တိုင်ကြားချက်ထက် စောနေသည် (%1 &lt; %2)။</translation>
    </message>
    <message>
        <source>Not a date and time: use 2018-03-05T14:30 (ISO 8601) or DD/MM/YYYY HH:MM.</source>
        <translation>ရက်စွဲနှင့် အချိန် မဟုတ်ပါ- 2018-03-05T14:30 (ISO 8601) သို့မဟုတ် DD/MM/YYYY HH:MM ပုံစံကို သုံးပါ။</translation>
    </message>
    <message>
        <source>Unknown time zone %1: use a name such as Asia/Yangon or UTC.</source>
        <translation>မသိသော အချိန်ဇုန် %1- Asia/Yangon သို့မဟုတ် UTC ကဲ့သို့ အမည်ကို သုံးပါ။</translation>
    </message>
    <message>
        <source>There is no case with id %1.</source>
        <translation>id %1 ရှိသော ဖြစ်စဉ် မရှိပါ။</translation>
    </message>
    <message>
        <source>%1 is not a date and time: use ISO 8601 (2018-03-05T14:30) or DD/MM/YYYY HH:MM</source>
        <translation>%1 သည် ရက်စွဲနှင့် အချိန် မဟုတ်ပါ- ISO 8601 (2018-03-05T14:30) သို့မဟုတ် DD/MM/YYYY HH:MM ပုံစံကို သုံးပါ။</translation>
    </message>
    <message>
        <source>%1 is no such date: day %2, month %3 (DD/MM/YYYY: the day comes first)</source>
        <translation>%1 သည် မရှိသော ရက်စွဲ ဖြစ်သည်- ရက် %2၊ လ %3 (DD/MM/YYYY- ရက်ကို ဦးစွာ ရေးသည်)။</translation>
    </message>
    <message>
        <source>no such date: day %1, month %2 (DD/MM/YYYY: the day comes first)</source>
        <translation>မရှိသော ရက်စွဲ- ရက် %1၊ လ %2 (DD/MM/YYYY- ရက်ကို ဦးစွာ ရေးသည်)။</translation>
    </message>
    <message>
        <source>%1 is no such time of day: %2</source>
        <translation>%1 သည် မရှိသော အချိန် ဖြစ်သည်- %2။</translation>
    </message>
    <message>
        <source>no such time of day: %1</source>
        <translation>မရှိသော အချိန်- %1။</translation>
    </message>
    <message>
        <source>%1 is outside the dates Caselog accepts (2000-01-01 to 24 hours past this computer&apos;s clock)</source>
        <translation>%1 သည် Caselog လက်ခံသော ရက်စွဲများ (2000-01-01 မှ ဤကွန်ပျူတာ၏ နာရီထက် 24 နာရီ နောက်ကျသည်အထိ) ၏ အပြင်ဘက်တွင် ရှိသည်။</translation>
    </message>
    <message>
        <source>a value in a column with no header; name the column or clear it</source>
        <translation>ခေါင်းစဉ်မရှိသော ကော်လံတွင် တန်ဖိုး ရှိနေသည်- ကော်လံကို အမည်ပေးပါ သို့မဟုတ် ရှင်းလင်းပါ။</translation>
    </message>
    <message>
        <source>required, but empty</source>
        <translation>လိုအပ်သည်၊ သို့သော် ဗလာ ဖြစ်နေသည်။</translation>
    </message>
    <message>
        <source>a row needs post_url, post_ref or content</source>
        <translation>အတန်းတစ်ခုတွင် post_url၊ post_ref သို့မဟုတ် content လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>%1 is the file being imported: give the rejected rows another file</source>
        <translation>%1 သည် ထည့်သွင်းနေသော ဖိုင် ဖြစ်သည်- ငြင်းပယ်ခံရသော အတန်းများအတွက် အခြားဖိုင်တစ်ခု ပေးပါ။</translation>
    </message>
    <message>
        <source>%1 is a folder: give the rejected rows a file name</source>
        <translation>%1 သည် ဖိုင်တွဲ ဖြစ်သည်- ငြင်းပယ်ခံရသော အတန်းများအတွက် ဖိုင်အမည်တစ်ခု ပေးပါ။</translation>
    </message>
    <message>
        <source>%1 does not exist: the rejected rows need a folder to go to</source>
        <translation>%1 မရှိပါ- ငြင်းပယ်ခံရသော အတန်းများကို ထားရန် ဖိုင်တွဲ လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>the valid rows were imported (%1 added), but the rejected rows could not be written to %2 (%3): import the file again with another rejects file; its rows already in are not added twice</source>
        <translation>မှန်ကန်သော အတန်းများကို ထည့်သွင်းပြီး ဖြစ်သည် (%1 ခု ထည့်ပြီး)၊ သို့သော် ငြင်းပယ်ခံရသော အတန်းများကို %2 သို့ မရေးနိုင်ပါ (%3)- အခြား ငြင်းပယ်ဖိုင်တစ်ခုဖြင့် ဖိုင်ကို ထပ်မံ ထည့်သွင်းပါ- ထည့်ပြီးသား အတန်းများကို နှစ်ကြိမ် မထည့်ပါ။</translation>
    </message>
    <message>
        <source>%1 is not a link: put the post&apos;s address (https://…) in the cell, or leave it empty when the post has none</source>
        <translation>%1 သည် လင့်ခ် မဟုတ်ပါ- ပို့စ်၏ လိပ်စာ (https://…) ကို အကွက်ထဲတွင် ထည့်ပါ၊ သို့မဟုတ် ပို့စ်တွင် လင့်ခ် မရှိပါက အကွက်ကို ဗလာထားပါ။</translation>
    </message>
    <message>
        <source>%1 is not yes or no</source>
        <translation>%1 သည် yes သို့မဟုတ် no မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1 သည် %2 ထဲမှ တစ်ခု မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>an outcome needs the time of the decision</source>
        <translation>ရလဒ်တစ်ခုတွင် ဆုံးဖြတ်ချက် ချသည့်အချိန် လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>a decision time needs its outcome</source>
        <translation>ဆုံးဖြတ်ချိန်တစ်ခုတွင် ၎င်း၏ ရလဒ် လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>the response is dated before the report</source>
        <translation>တုံ့ပြန်ချက်၏ ရက်စွဲသည် တိုင်ကြားချက်ထက် စောနေသည်။</translation>
    </message>
    <message>
        <source>%1 is before 2000-01-01, the earliest date Caselog accepts.</source>
        <translation>%1 သည် Caselog လက်ခံသော အစောဆုံးရက်စွဲ 2000-01-01 ထက် စောနေသည်။</translation>
    </message>
    <message>
        <source>%1 is in the future (more than 24 hours past this computer&apos;s clock).</source>
        <translation>%1 သည် အနာဂတ်ရက်စွဲ ဖြစ်နေသည် (ဤကွန်ပျူတာ၏ နာရီထက် 24 နာရီကျော် နောက်ကျနေသည်)။</translation>
    </message>
    <message>
        <source>No case matches these filters; nothing was written.</source>
        <translation>ဤစစ်ထုတ်ချက်များနှင့် ကိုက်ညီသော ဖြစ်စဉ် မရှိပါ- ဘာမျှ မရေးရသေးပါ။</translation>
    </message>
    <message>
        <source>%1: the file name must end in %2.</source>
        <translation>%1- ဖိုင်အမည်သည် %2 ဖြင့် ဆုံးရမည်။</translation>
    </message>
    <message>
        <source>%1 is a folder: give a file name ending in %2.</source>
        <translation>%1 သည် ဖိုင်တွဲ ဖြစ်သည်- %2 ဖြင့် ဆုံးသော ဖိုင်အမည်ကို ပေးပါ။</translation>
    </message>
    <message>
        <source>%1 does not exist: create the folder first.</source>
        <translation>%1 မရှိပါ- ဖိုင်တွဲကို ဦးစွာ ဖန်တီးပါ။</translation>
    </message>
    <message>
        <source>The font %1 is missing from %2: reinstall Caselog.</source>
        <translation>%2 တွင် ဖောင့် %1 မရှိပါ- Caselog ကို ပြန်လည် ထည့်သွင်းပါ။</translation>
    </message>
    <message>
        <source>%1 does not start as a ZIP file does: something was put before the pack, or it is not a pack</source>
        <translation>%1 သည် ZIP ဖိုင်တစ်ခုကဲ့သို့ မစပါ- အထောက်အထားအစုံ၏ ရှေ့တွင် တစ်စုံတစ်ရာ ထည့်ထားသည်၊ သို့မဟုတ် ၎င်းသည် အထောက်အထားအစုံ မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>%1 is not a readable ZIP file (truncated or damaged)</source>
        <translation>%1 သည် ဖတ်၍ရသော ZIP ဖိုင် မဟုတ်ပါ (ပြတ်တောက်နေသည် သို့မဟုတ် ပျက်စီးနေသည်)။</translation>
    </message>
    <message>
        <source>unsafe path in the ZIP, has no name (the ZIP&apos;s list of files is damaged)</source>
        <translation>ZIP အတွင်းရှိ မလုံခြုံသော လမ်းကြောင်း- အမည် မရှိပါ (ZIP ၏ ဖိုင်စာရင်း ပျက်စီးနေသည်)။</translation>
    </message>
    <message>
        <source>unsafe path in the ZIP, contains a backslash or NUL</source>
        <translation>ZIP အတွင်းရှိ မလုံခြုံသော လမ်းကြောင်း- backslash (\) သို့မဟုတ် NUL စာလုံး ပါဝင်သည်။</translation>
    </message>
    <message>
        <source>unsafe path in the ZIP, is an absolute path</source>
        <translation>ZIP အတွင်းရှိ မလုံခြုံသော လမ်းကြောင်း- ဖိုလ်ဒါ၏ အမြစ်မှ စသော လမ်းကြောင်း (absolute path) ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>unsafe path in the ZIP, climbs out of the pack folder (..)</source>
        <translation>ZIP အတွင်းရှိ မလုံခြုံသော လမ်းကြောင်း- အထောက်အထားအစုံ ဖိုလ်ဒါ၏ အပြင်သို့ ထွက်သည် (..)။</translation>
    </message>
    <message>
        <source>unsafe path in the ZIP, is a symbolic link</source>
        <translation>ZIP အတွင်းရှိ မလုံခြုံသော လမ်းကြောင်း- symbolic link ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>appears twice in the ZIP</source>
        <translation>ZIP အတွင်း နှစ်ကြိမ် ပါနေသည်။</translation>
    </message>
    <message>
        <source>data before the first file of the ZIP</source>
        <translation>ZIP ၏ ပထမဖိုင် မတိုင်မီ ဒေတာ ထည့်ထားသည်။</translation>
    </message>
    <message>
        <source>is a symbolic link (refused)</source>
        <translation>symbolic link ဖြစ်သည် (ငြင်းပယ်သည်)။</translation>
    </message>
    <message>
        <source>points outside the pack folder</source>
        <translation>အထောက်အထားအစုံ ဖိုလ်ဒါ၏ အပြင်ဘက်သို့ ညွှန်ပြသည်။</translation>
    </message>
    <message>
        <source>has no list of files</source>
        <translation>ဖိုင်စာရင်း မပါပါ။</translation>
    </message>
    <message>
        <source>a file entry is malformed (%1)</source>
        <translation>ဖိုင်စာရင်းထဲမှ တစ်ခု၏ ပုံစံ မမှန်ပါ (%1)။</translation>
    </message>
    <message>
        <source>the SHA-256 is malformed</source>
        <translation>SHA-256 တန်ဖိုး၏ ပုံစံ မမှန်ပါ။</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>မရှိပါ။</translation>
    </message>
    <message>
        <source>larger than any pack&apos;s would be (refused)</source>
        <translation>မည်သည့် အထောက်အထားအစုံ၏ ဖိုင်ထက်မဆို ပိုကြီးသည် (ငြင်းပယ်သည်)။</translation>
    </message>
    <message>
        <source>not UTF-8 text (changed or damaged)</source>
        <translation>UTF-8 စာသား မဟုတ်ပါ (ပြောင်းလဲထားသည် သို့မဟုတ် ပျက်စီးနေသည်)။</translation>
    </message>
    <message>
        <source>line %1 is not &apos;&lt;sha256&gt;  &lt;path&gt;&apos;</source>
        <translation>စာကြောင်း %1 သည် &apos;&lt;sha256&gt;  &lt;path&gt;&apos; ပုံစံ မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 ကို နှစ်ကြိမ် စာရင်းသွင်းထားသည်။</translation>
    </message>
    <message>
        <source>lists %1, which it should not</source>
        <translation>မသွင်းသင့်သော %1 ကို စာရင်းသွင်းထားသည်။</translation>
    </message>
    <message>
        <source>the hash of %1 does not match</source>
        <translation>%1 ၏ SHA-256 တန်ဖိုး မကိုက်ညီပါ။</translation>
    </message>
    <message>
        <source>does not list %1</source>
        <translation>%1 ကို စာရင်းမသွင်းထားပါ။</translation>
    </message>
    <message>
        <source>says nothing of the custody chain</source>
        <translation>ထိန်းသိမ်းမှု မှတ်တမ်းအကြောင်း ဘာမျှ မဖော်ပြပါ။</translation>
    </message>
    <message>
        <source>line %1 is not a custody event</source>
        <translation>စာကြောင်း %1 သည် ထိန်းသိမ်းမှု မှတ်တမ်း၏ ဖြစ်ရပ် မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>starts at event %1, not %2 as the manifest says</source>
        <translation>ပါဝင်မှုစာရင်းက ဆိုသကဲ့သို့ ဖြစ်ရပ် %2 မှ မစဘဲ ဖြစ်ရပ် %1 မှ စသည်။</translation>
    </message>
    <message>
        <source>event 1 does not start the chain</source>
        <translation>ဖြစ်ရပ် 1 သည် မှတ်တမ်းကွင်းဆက်၏ အစ မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>event %1 is missing (the chain jumps from %2 to %3)</source>
        <translation>ဖြစ်ရပ် %1 မရှိပါ (ကွင်းဆက်သည် %2 မှ %3 သို့ ခုန်ကျော်သွားသည်)။</translation>
    </message>
    <message>
        <source>event %1 does not link to event %2 (its prev_hash is not that event&apos;s hash)</source>
        <translation>ဖြစ်ရပ် %1 သည် ဖြစ်ရပ် %2 နှင့် မချိတ်ဆက်ပါ (၎င်း၏ prev_hash သည် ထိုဖြစ်ရပ်၏ hash မဟုတ်ပါ)။</translation>
    </message>
    <message>
        <source>event %1 was changed (its hash does not match its content)</source>
        <translation>ဖြစ်ရပ် %1 ကို ပြောင်းလဲထားသည် (၎င်း၏ hash သည် ၎င်း၏ အကြောင်းအရာနှင့် မကိုက်ညီပါ)။</translation>
    </message>
    <message>
        <source>empty, but the manifest names events</source>
        <translation>ဗလာ ဖြစ်နေသည်၊ သို့သော် ပါဝင်မှုစာရင်းတွင် ဖြစ်ရပ်များကို ဖော်ပြထားသည်။</translation>
    </message>
    <message>
        <source>ends at event %1, not at the head the manifest names (%2); events were removed from the end</source>
        <translation>ပါဝင်မှုစာရင်းက ဖော်ပြသော နောက်ဆုံးဖြစ်ရပ် (%2) တွင် မဆုံးဘဲ ဖြစ်ရပ် %1 တွင် ဆုံးသည်- အဆုံးပိုင်းမှ ဖြစ်ရပ်များကို ဖယ်ရှားထားသည်။</translation>
    </message>
    <message>
        <source>damaged, it cannot be read to the end (%1)</source>
        <translation>ပျက်စီးနေသည်၊ အဆုံးထိ ဖတ်၍ မရပါ (%1)။</translation>
    </message>
    <message>
        <source>nested too deeply to be read (refused)</source>
        <translation>အထပ်ထပ် အလွန်နက်စွာ ထည့်ထားသဖြင့် ဖတ်၍ မရပါ (ငြင်းပယ်သည်)။</translation>
    </message>
    <message>
        <source>cannot be read (damaged: %1)</source>
        <translation>ဖတ်၍ မရပါ (ပျက်စီးနေသည်- %1)။</translation>
    </message>
    <message>
        <source>missing, so no file can be checked against it</source>
        <translation>မရှိပါ၊ ထို့ကြောင့် မည်သည့်ဖိုင်ကိုမျှ ၎င်းနှင့် တိုက်ဆိုင်စစ်ဆေး၍ မရပါ။</translation>
    </message>
    <message>
        <source>larger than %1 MB (refused)</source>
        <translation>%1 MB ထက် ပိုကြီးသည် (ငြင်းပယ်သည်)။</translation>
    </message>
    <message>
        <source>not the manifest of a Caselog evidence pack</source>
        <translation>Caselog အထောက်အထားအစုံ၏ ပါဝင်မှုစာရင်း မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>format_version %1 is not one this Caselog reads (1 or 2): a newer Caselog may</source>
        <translation>format_version %1 ကို ဤ Caselog မဖတ်နိုင်ပါ (1 သို့မဟုတ် 2 ကိုသာ ဖတ်သည်)- ပိုသစ်သော Caselog က ဖတ်နိုင်ပါမည်။</translation>
    </message>
    <message>
        <source>not valid JSON (changed or damaged)</source>
        <translation>မှန်ကန်သော JSON မဟုတ်ပါ (ပြောင်းလဲထားသည် သို့မဟုတ် ပျက်စီးနေသည်)။</translation>
    </message>
    <message>
        <source>the signing key is not base64</source>
        <translation>လက်မှတ်ထိုးသော့သည် base64 မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>missing, so the pack&apos;s origin cannot be checked</source>
        <translation>မရှိပါ၊ ထို့ကြောင့် အထောက်အထားအစုံကို မည်သူ ပြုလုပ်သည်ကို စိစစ်၍ မရပါ။</translation>
    </message>
    <message>
        <source>names no signing key</source>
        <translation>လက်မှတ်ထိုးသော့ကို မဖော်ပြပါ။</translation>
    </message>
    <message>
        <source>not a 64-byte Ed25519 signature</source>
        <translation>64-byte Ed25519 လက်မှတ် မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>signed by the key %1, not by the expected %2</source>
        <translation>မျှော်လင့်ထားသော သော့ %2 ဖြင့် မဟုတ်ဘဲ သော့ %1 ဖြင့် လက်မှတ်ထိုးထားသည်။</translation>
    </message>
    <message>
        <source>signed by an unknown key %1: neither this store&apos;s own key nor any partner&apos;s</source>
        <translation>မသိသော သော့ %1 ဖြင့် လက်မှတ်ထိုးထားသည်- ဤသိုလှောင်ရာ၏ ကိုယ်ပိုင်သော့လည်း မဟုတ်၊ မည်သည့် မိတ်ဖက်အဖွဲ့၏ သော့လည်း မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>missing from the pack (listed in the manifest)</source>
        <translation>အထောက်အထားအစုံတွင် မရှိပါ (ပါဝင်မှုစာရင်းတွင် ပါသည်)။</translation>
    </message>
    <message>
        <source>changed since the pack was signed (SHA-256 or size differs from the manifest)</source>
        <translation>အထောက်အထားအစုံကို လက်မှတ်ထိုးပြီးနောက် ပြောင်းလဲထားသည် (SHA-256 သို့မဟုတ် အရွယ်အစားသည် ပါဝင်မှုစာရင်းနှင့် မတူပါ)။</translation>
    </message>
    <message>
        <source>added to the pack (not in the manifest)</source>
        <translation>အထောက်အထားအစုံထဲသို့ ထပ်ထည့်ထားသည် (ပါဝင်မှုစာရင်းတွင် မပါပါ)။</translation>
    </message>
    <message>
        <source>shows the fingerprint %1, but the key that signed the pack is %2</source>
        <translation>သော့လက်ဗွေ %1 ကို ပြထားသည်၊ သို့သော် အထောက်အထားအစုံကို လက်မှတ်ထိုးသော သော့မှာ %2 ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>cannot be read to check the fingerprints it shows (%1); it may be damaged or forged</source>
        <translation>၎င်းပြထားသော သော့လက်ဗွေများကို စိစစ်ရန် ဖတ်၍ မရပါ (%1)- ပျက်စီးနေခြင်း သို့မဟုတ် အတုပြုလုပ်ထားခြင်း ဖြစ်နိုင်သည်။</translation>
    </message>
    <message>
        <source>reason: a correction needs a reason (one line of free text)</source>
        <translation>အကြောင်းပြချက်- ပြင်ဆင်မှုတစ်ခုတွင် အကြောင်းပြချက် လိုအပ်သည် (စာကြောင်း တစ်ကြောင်း)။</translation>
    </message>
    <message>
        <source>give a case reference (C-000012) or a uid</source>
        <translation>ဖြစ်စဉ် ရည်ညွှန်းနံပါတ် (C-000012) သို့မဟုတ် uid တစ်ခု ပေးပါ။</translation>
    </message>
    <message>
        <source>give a date and time</source>
        <translation>ရက်စွဲနှင့် အချိန် ထည့်ပါ။</translation>
    </message>
    <message>
        <source>edit: give at least one FIELD=VALUE to change</source>
        <translation>ပြင်ဆင်ရန်- ပြောင်းလဲမည့် FIELD=VALUE အနည်းဆုံး တစ်ခု ပေးပါ။</translation>
    </message>
    <message>
        <source>handle: an account needs its handle</source>
        <translation>handle- အကောင့်တစ်ခုတွင် ၎င်း၏ handle လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>handle: the account %1 is already in this store</source>
        <translation>handle- အကောင့် %1 သည် ဤသိုလှောင်ရာတွင် ရှိပြီးသား ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>reported at: the report would be dated after its response (%1 &gt; %2)</source>
        <translation>တိုင်ကြားချိန်- တိုင်ကြားချက်သည် ၎င်း၏ တုံ့ပြန်ချက်ထက် နောက်ကျသော ရက်စွဲ ဖြစ်သွားမည် (%1 &gt; %2)။</translation>
    </message>
    <message>
        <source>an author account cannot be retracted; edit it, or retract its posts</source>
        <translation>ပို့စ်တင်သူ၏ အကောင့်ကို ပြန်ရုပ်သိမ်း၍ မရပါ- ၎င်းကို ပြင်ဆင်ပါ၊ သို့မဟုတ် ၎င်း၏ ပို့စ်များကို ပြန်ရုပ်သိမ်းပါ။</translation>
    </message>
    <message>
        <source>an author account is never retracted, so it cannot be restored</source>
        <translation>ပို့စ်တင်သူ၏ အကောင့်ကို ဘယ်တော့မှ ပြန်ရုပ်သိမ်းခြင်း မရှိသဖြင့် ပြန်ထား၍ မရပါ။</translation>
    </message>
    <message>
        <source>this post is already retracted</source>
        <translation>ဤပို့စ်ကို ပြန်ရုပ်သိမ်းပြီး ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>this post is not retracted</source>
        <translation>ဤပို့စ်ကို ပြန်ရုပ်သိမ်းထားခြင်း မရှိပါ။</translation>
    </message>
    <message>
        <source>this post was retracted with %1: restore that one instead</source>
        <translation>ဤပို့စ်ကို %1 နှင့်အတူ ပြန်ရုပ်သိမ်းခဲ့သည်- ၎င်းကို ပြန်ထားပါ။</translation>
    </message>
    <message>
        <source>this report is already retracted</source>
        <translation>ဤတိုင်ကြားချက်ကို ပြန်ရုပ်သိမ်းပြီး ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>this report is not retracted</source>
        <translation>ဤတိုင်ကြားချက်ကို ပြန်ရုပ်သိမ်းထားခြင်း မရှိပါ။</translation>
    </message>
    <message>
        <source>this report was retracted with %1: restore that one instead</source>
        <translation>ဤတိုင်ကြားချက်ကို %1 နှင့်အတူ ပြန်ရုပ်သိမ်းခဲ့သည်- ၎င်းကို ပြန်ထားပါ။</translation>
    </message>
    <message>
        <source>this response is already retracted</source>
        <translation>ဤတုံ့ပြန်ချက်ကို ပြန်ရုပ်သိမ်းပြီး ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>this response is not retracted</source>
        <translation>ဤတုံ့ပြန်ချက်ကို ပြန်ရုပ်သိမ်းထားခြင်း မရှိပါ။</translation>
    </message>
    <message>
        <source>this response was retracted with %1: restore that one instead</source>
        <translation>ဤတုံ့ပြန်ချက်ကို %1 နှင့်အတူ ပြန်ရုပ်သိမ်းခဲ့သည်- ၎င်းကို ပြန်ထားပါ။</translation>
    </message>
    <message>
        <source>this attachment is already retracted</source>
        <translation>ဤပူးတွဲဖိုင်ကို ပြန်ရုပ်သိမ်းပြီး ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>this attachment is not retracted</source>
        <translation>ဤပူးတွဲဖိုင်ကို ပြန်ရုပ်သိမ်းထားခြင်း မရှိပါ။</translation>
    </message>
    <message>
        <source>this attachment was retracted with %1: restore that one instead</source>
        <translation>ဤပူးတွဲဖိုင်ကို %1 နှင့်အတူ ပြန်ရုပ်သိမ်းခဲ့သည်- ၎င်းကို ပြန်ထားပါ။</translation>
    </message>
    <message>
        <source>this attachment was purged: its bytes are gone for good</source>
        <translation>ဤပူးတွဲဖိုင်ကို အပြီးဖျက်ထားသည်- ၎င်း၏ ဒေတာများ အပြီးတိုင် ပျောက်သွားပြီ။</translation>
    </message>
    <message>
        <source>this attachment was already purged</source>
        <translation>ဤပူးတွဲဖိုင်ကို အပြီးဖျက်ပြီး ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>SLA hours: must be more than zero</source>
        <translation>SLA နာရီ- သုညထက် ပိုရမည်။</translation>
    </message>
    <message>
        <source>Repeat threshold: must be 1 or more</source>
        <translation>ထပ်တလဲလဲ ကျူးလွန်သူ သတ်မှတ်ချက်- 1 သို့မဟုတ် ထို့ထက် ပိုရမည်။</translation>
    </message>
    <message>
        <source>Idle lock: minutes must be zero (never) or more</source>
        <translation>အသုံးမပြုသည့်အခါ လော့ခ်ချခြင်း- မိနစ်သည် သုည (ဘယ်တော့မှ မချ) သို့မဟုတ် ထို့ထက် ပိုရမည်။</translation>
    </message>
    <message>
        <source>Backup reminder: days must be 1 or more</source>
        <translation>အရန်ကူးယူရန် သတိပေးချက်- ရက်သည် 1 သို့မဟုတ် ထို့ထက် ပိုရမည်။</translation>
    </message>
    <message>
        <source>SLA hours: must be more than 0 (got %1)</source>
        <translation>SLA နာရီ- 0 ထက် ပိုရမည် (%1 ဖြစ်နေသည်)။</translation>
    </message>
    <message>
        <source>repeat threshold: must be 1 or more (got %1)</source>
        <translation>ထပ်တလဲလဲ ကျူးလွန်သူ သတ်မှတ်ချက်- 1 သို့မဟုတ် ထို့ထက် ပိုရမည် (%1 ဖြစ်နေသည်)။</translation>
    </message>
    <message>
        <source>to: the end of the period must be after its start</source>
        <translation>အဆုံး- ကာလ၏ အဆုံးသည် ၎င်း၏ အစ နောက်တွင် ဖြစ်ရမည်။</translation>
    </message>
    <message>
        <source>no case %1 in this store</source>
        <translation>ဤသိုလှောင်ရာတွင် ဖြစ်စဉ် %1 မရှိပါ။</translation>
    </message>
    <message>
        <source>the store is locked: unlock it again to go on</source>
        <translation>သိုလှောင်ရာကို လော့ခ်ချထားသည်- ဆက်လုပ်ရန် ပြန်လည် လော့ခ်ဖွင့်ပါ။</translation>
    </message>
    <message>
        <source>the case list is closed</source>
        <translation>ဖြစ်စဉ်စာရင်းကို ပိတ်ထားသည်။</translation>
    </message>
    <message>
        <source>an attachment belongs to exactly one post or one response</source>
        <translation>ပူးတွဲဖိုင်တစ်ခုသည် ပို့စ်တစ်ခု သို့မဟုတ် တုံ့ပြန်ချက်တစ်ခုနှင့်သာ သက်ဆိုင်သည်။</translation>
    </message>
    <message>
        <source>no attachment with SHA-256 %1 in this store</source>
        <translation>ဤသိုလှောင်ရာတွင် SHA-256 %1 ရှိသော ပူးတွဲဖိုင် မရှိပါ။</translation>
    </message>
    <message>
        <source>%1: no such file; check the name and the folder</source>
        <translation>%1- ဤဖိုင် မရှိပါ- အမည်နှင့် ဖိုလ်ဒါကို စစ်ဆေးပါ။</translation>
    </message>
    <message>
        <source>%1: row 1 has %2 columns (the most is %3); nothing was imported</source>
        <translation>%1- အတန်း 1 တွင် ကော်လံ %2 ခု ရှိသည် (အများဆုံး %3 ခု)- ဘာမျှ မထည့်သွင်းရသေးပါ။</translation>
    </message>
    <message>
        <source>%1: row 1: the column %2 appears twice</source>
        <translation>%1- အတန်း 1- ကော်လံ %2 နှစ်ကြိမ် ပါနေသည်။</translation>
    </message>
    <message>
        <source>%1: row %2: a cell is longer than %3 characters; nothing was imported</source>
        <translation>%1- အတန်း %2- အကွက်တစ်ခုသည် စာလုံး %3 လုံးထက် ရှည်သည်- ဘာမျှ မထည့်သွင်းရသေးပါ။</translation>
    </message>
    <message>
        <source>%1: its text table is %2 MB unpacked (the most is %3 MB); nothing was imported</source>
        <translation>%1- ၎င်း၏ စာသားဇယားသည် ဖြေပြီးနောက် %2 MB ရှိသည် (အများဆုံး %3 MB)- ဘာမျှ မထည့်သွင်းရသေးပါ။</translation>
    </message>
    <message>
        <source>the store is busy with another task (another import?); nothing was imported, try again when it is done</source>
        <translation>သိုလှောင်ရာသည် အခြားလုပ်ငန်းတစ်ခု (အခြား ထည့်သွင်းမှု ဖြစ်နိုင်သည်) ဖြင့် အလုပ်များနေသည်- ဘာမျှ မထည့်သွင်းရသေးပါ၊ ပြီးဆုံးမှ ထပ်စမ်းပါ။</translation>
    </message>
    <message>
        <source>%1 is not a key fingerprint: give the 32 hex digits (8 groups of 4)</source>
        <translation>%1 သည် သော့လက်ဗွေ မဟုတ်ပါ- hex ဂဏန်း 32 လုံး (4 လုံးစီ 8 စု) ကို ပေးပါ။</translation>
    </message>
    <message>
        <source>no pack at %1: give the .zip file or the unpacked folder</source>
        <translation>%1 တွင် အထောက်အထားအစုံ မရှိပါ- .zip ဖိုင် သို့မဟုတ် ဖြေထားသော ဖိုလ်ဒါကို ပေးပါ။</translation>
    </message>
    <message>
        <source>the store has no attachment with SHA-256 %1; it may be damaged</source>
        <translation>သိုလှောင်ရာတွင် SHA-256 %1 ရှိသော ပူးတွဲဖိုင် မရှိပါ- သိုလှောင်ရာ ပျက်စီးနေနိုင်သည်။</translation>
    </message>
    <message>
        <source>an attachment of the store no longer matches its SHA-256 (%1); the store may be damaged: nothing was written</source>
        <translation>သိုလှောင်ရာရှိ ပူးတွဲဖိုင်တစ်ခုသည် ၎င်း၏ SHA-256 (%1) နှင့် မကိုက်ညီတော့ပါ- သိုလှောင်ရာ ပျက်စီးနေနိုင်သည်- ဘာမျှ မရေးရသေးပါ။</translation>
    </message>
    <message>
        <source>the store changed while the workbook was written (%1 of %2 reports); export again</source>
        <translation>Excel ဖိုင်ကို ရေးနေစဉ် သိုလှောင်ရာ ပြောင်းလဲသွားသည် (တိုင်ကြားချက် %2 ခုအနက် %1 ခု)- ထပ်မံ ထုတ်ယူပါ။</translation>
    </message>
    <message>
        <source>the Reports sheet could not be written; please report this bug</source>
        <translation>Reports စာရွက်ကို ရေး၍ မရပါ- ဤချို့ယွင်းချက်အတွက် အစီရင်ခံစာ ပေးပို့ပါ။</translation>
    </message>
    <message>
        <source>%1: the card has no organisation name</source>
        <translation>%1- ကတ်တွင် အဖွဲ့အစည်းအမည် မပါပါ။</translation>
    </message>
    <message>
        <source>%1: the card&apos;s organisation name is too long or has control characters</source>
        <translation>%1- ကတ်ပါ အဖွဲ့အစည်းအမည်သည် ရှည်လွန်းသည် သို့မဟုတ် ထိန်းချုပ်စာလုံးများ ပါဝင်သည်။</translation>
    </message>
    <message>
        <source>%1: age_recipient must be an age1... public key</source>
        <translation>%1- age_recipient သည် age1... ဖြင့်စသော public key ဖြစ်ရမည်။</translation>
    </message>
    <message>
        <source>%1: signing_public_key is missing</source>
        <translation>%1- signing_public_key မပါပါ။</translation>
    </message>
    <message>
        <source>%1: too large for a partner card; it was not read</source>
        <translation>%1- မိတ်ဖက်ကတ်တစ်ခုအတွက် ကြီးလွန်းသည်- မဖတ်ခဲ့ပါ။</translation>
    </message>
    <message>
        <source>%1: the card&apos;s keys are not valid (%2)</source>
        <translation>%1- ကတ်ပါ သော့များ မမှန်ကန်ပါ (%2)။</translation>
    </message>
    <message>
        <source>%1 is not a folder; choose where to write the bundle</source>
        <translation>%1 သည် ဖိုလ်ဒါ မဟုတ်ပါ- ဖိုင်ထုပ်ကို ရေးမည့်နေရာကို ရွေးပါ။</translation>
    </message>
    <message>
        <source>%1: not an age identity file (expected AGE-SECRET-KEY-1... lines)</source>
        <translation>%1- age identity ဖိုင် မဟုတ်ပါ (AGE-SECRET-KEY-1... စာကြောင်းများ ရှိရမည်)။</translation>
    </message>
    <message>
        <source>%1: no age identity (AGE-SECRET-KEY-1...) in the file</source>
        <translation>%1- ဖိုင်တွင် age identity (AGE-SECRET-KEY-1...) မပါပါ။</translation>
    </message>
    <message>
        <source>%1 is truncated: the encrypted header is incomplete</source>
        <translation>%1 သည် ပြတ်တောက်နေသည်- ကုဒ်ဝှက်ခေါင်းစီးပိုင်း မပြည့်စုံပါ။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 is too large; refused</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 သည် ကြီးလွန်းသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 is larger than it claims; refused</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 သည် ၎င်းဖော်ပြထားသည်ထက် ပိုကြီးသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle has more than %1 files; refused</source>
        <translation>ဖိုင်ထုပ်တွင် ဖိုင် %1 ခုထက် ပိုပါသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle contains an unsafe path %1; it was refused</source>
        <translation>ဖိုင်ထုပ်တွင် မလုံခြုံသော လမ်းကြောင်း %1 ပါသည်- ငြင်းပယ်လိုက်သည်။</translation>
    </message>
    <message>
        <source>the bundle contains an unexpected file %1; refused</source>
        <translation>ဖိုင်ထုပ်တွင် မမျှော်လင့်သော ဖိုင် %1 ပါသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle contains %1 twice; refused</source>
        <translation>ဖိုင်ထုပ်တွင် %1 နှစ်ကြိမ် ပါသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 uses an unsupported encoding</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 သည် မပံ့ပိုးသော encoding ကို သုံးထားသည်။</translation>
    </message>
    <message>
        <source>the bundle would unpack to more than %1 GiB (a ZIP bomb?); refused</source>
        <translation>ဖိုင်ထုပ်ကို ဖြေလျှင် %1 GiB ထက် ကျော်မည် (ZIP bomb ဖြစ်နိုင်သည်)- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 expands %2 times (a ZIP bomb?); refused</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 သည် %2 ဆ ကြီးထွားသည် (ZIP bomb ဖြစ်နိုင်သည်)- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s manifest is not valid (a bad key)</source>
        <translation>ဖိုင်ထုပ်၏ ပါဝင်မှုစာရင်း မမှန်ကန်ပါ (သော့ မမှန်ပါ)။</translation>
    </message>
    <message>
        <source>the bundle&apos;s manifest is not valid (%1)</source>
        <translation>ဖိုင်ထုပ်၏ ပါဝင်မှုစာရင်း မမှန်ကန်ပါ (%1)။</translation>
    </message>
    <message>
        <source>the bundle&apos;s manifest: made_at %1; the bundle was refused</source>
        <translation>ဖိုင်ထုပ်၏ ပါဝင်မှုစာရင်း- made_at %1- ဖိုင်ထုပ်ကို ငြင်းပယ်လိုက်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s key-change notices do not lead to the key that signed it; refused</source>
        <translation>ဖိုင်ထုပ်ပါ သော့ပြောင်းကြောင်း အသိပေးချက်များသည် ၎င်းကို လက်မှတ်ထိုးသော သော့ဆီသို့ မရောက်ပါ- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>%1: the decrypted content is not a bundle (not a ZIP); refused</source>
        <translation>%1- ကုဒ်ဖြေပြီးသော အကြောင်းအရာသည် ဖိုင်ထုပ် မဟုတ်ပါ (ZIP မဟုတ်ပါ)- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle holds two different manifests; it was changed, refused</source>
        <translation>ဖိုင်ထုပ်တွင် မတူညီသော ပါဝင်မှုစာရင်း နှစ်ခု ပါသည်- ပြောင်းလဲထားသဖြင့် ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s files do not match its signed manifest (%1); refused</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင်များသည် လက်မှတ်ထိုးထားသော ပါဝင်မှုစာရင်းနှင့် မကိုက်ညီပါ (%1)- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 is not the size its signed manifest gives; refused</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 ၏ အရွယ်အစားသည် လက်မှတ်ထိုးထားသော ပါဝင်မှုစာရင်းပါ အရွယ်အစား မဟုတ်ပါ- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 does not match its hash in the signed manifest: it was changed after signing; refused</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 သည် လက်မှတ်ထိုးထားသော ပါဝင်မှုစာရင်းပါ hash နှင့် မကိုက်ညီပါ- လက်မှတ်ထိုးပြီးနောက် ပြောင်းလဲထားသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the manifest counts unknown records %1</source>
        <translation>ပါဝင်မှုစာရင်းသည် မသိသော မှတ်တမ်းအမျိုးအစား %1 ကို ရေတွက်ထားသည်။</translation>
    </message>
    <message>
        <source>the bundle has no %1; it is incomplete</source>
        <translation>ဖိုင်ထုပ်တွင် %1 မပါပါ- မပြည့်စုံပါ။</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text; refused</source>
        <translation>%1 သည် UTF-8 စာသား မဟုတ်ပါ- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the line is too long; refused</source>
        <translation>စာကြောင်း ရှည်လွန်းသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>%1 holds more records than the manifest says (%2); refused</source>
        <translation>%1 တွင် ပါဝင်မှုစာရင်းက ဆိုသည်ထက် (%2) မှတ်တမ်း ပိုပါသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>not valid JSON; refused</source>
        <translation>မှန်ကန်သော JSON မဟုတ်ပါ- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>%1 holds %2 records but the manifest says %3; refused</source>
        <translation>%1 တွင် မှတ်တမ်း %2 ခု ပါသည်၊ သို့သော် ပါဝင်မှုစာရင်းက %3 ဟု ဆိုသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>the bundle&apos;s file %1 does not match its name</source>
        <translation>ဖိုင်ထုပ်ထဲမှ ဖိုင် %1 သည် ၎င်း၏ အမည်နှင့် မကိုက်ညီပါ။</translation>
    </message>
    <message>
        <source>the uid %1 appears twice; refused</source>
        <translation>uid %1 နှစ်ကြိမ် ပါနေသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>a record refers to %1 %2, which is not in the bundle; refused</source>
        <translation>မှတ်တမ်းတစ်ခုသည် ဖိုင်ထုပ်တွင် မပါသော %1 %2 ကို ရည်ညွှန်းသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>%1 is dated before its report (%2); refused</source>
        <translation>%1 သည် ၎င်း၏ တိုင်ကြားချက်ထက် စောသော ရက်စွဲ ဖြစ်သည် (%2)- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>%1 must belong to exactly one post or one response; refused</source>
        <translation>%1 သည် ပို့စ်တစ်ခု သို့မဟုတ် တုံ့ပြန်ချက်တစ်ခုနှင့်သာ သက်ဆိုင်ရမည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>%1 names bytes that are not in the bundle; refused</source>
        <translation>%1 သည် ဖိုင်ထုပ်တွင် မပါသော ဒေတာကို ရည်ညွှန်းသည်- ငြင်းပယ်သည်။</translation>
    </message>
    <message>
        <source>a record must be a JSON object</source>
        <translation>မှတ်တမ်းတစ်ခုသည် JSON object ဖြစ်ရမည်။</translation>
    </message>
    <message>
        <source>missing field %1; the bundle is not valid</source>
        <translation>အကွက် %1 မပါပါ- ဖိုင်ထုပ် မမှန်ကန်ပါ။</translation>
    </message>
    <message>
        <source>unexpected field %1; the bundle is not valid</source>
        <translation>မမျှော်လင့်သော အကွက် %1 ပါသည်- ဖိုင်ထုပ် မမှန်ကန်ပါ။</translation>
    </message>
    <message>
        <source>%1 cannot be merged: it would duplicate a record of this store in a way Caselog cannot reconcile; nothing was written</source>
        <translation>%1 ကို ပေါင်းစည်း၍ မရပါ- Caselog မညှိနိုင်သော ပုံစံဖြင့် ဤသိုလှောင်ရာ၏ မှတ်တမ်းတစ်ခုနှင့် ထပ်နေမည်- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>give an identity file or a bundle passphrase, not both</source>
        <translation>identity ဖိုင် သို့မဟုတ် ဖိုင်ထုပ် စကားဝှက် တစ်ခုကိုသာ ပေးပါ၊ နှစ်ခုလုံး မပေးပါနှင့်။</translation>
    </message>
    <message>
        <source>%1: the bundle passphrase is wrong, or the file was changed.</source>
        <translation>%1- ဖိုင်ထုပ်၏ စကားဝှက် မှားနေသည်၊ သို့မဟုတ် ဖိုင်ကို ပြောင်းလဲထားသည်။</translation>
    </message>
    <message>
        <source>The bundle passphrase is too short: use 8 characters or more.</source>
        <translation>ဖိုင်ထုပ်၏ စကားဝှက် တိုလွန်းသည်- စာလုံး 8 လုံး သို့မဟုတ် ထို့ထက်ပို၍ သုံးပါ။</translation>
    </message>
    <message>
        <source>%1 is not an encrypted Caselog bundle.</source>
        <translation>%1 သည် ကုဒ်ဝှက်ထားသော Caselog ဖိုင်ထုပ် မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>%1 is not a readable ZIP file (cut short or damaged).</source>
        <translation>%1 သည် ဖတ်၍ရသော ZIP ဖိုင် မဟုတ်ပါ (ပြတ်တောက်နေသည် သို့မဟုတ် ပျက်စီးနေသည်)။</translation>
    </message>
    <message>
        <source>%1 is cut short: its encrypted header is incomplete.</source>
        <translation>%1 ပြတ်တောက်နေသည်- ကုဒ်ဝှက်ထားသော ခေါင်းစီးပိုင်း မပြည့်စုံပါ။</translation>
    </message>
    <message>
        <source>%1 cannot be opened with this organisation&apos;s key: it was encrypted to another key, or its encryption header was damaged. Ask the sender to encrypt it to your partner card and send it again.</source>
        <translation>%1 ကို ဤအဖွဲ့အစည်း၏ သော့ဖြင့် ဖွင့်၍ မရပါ- အခြားသော့တစ်ခုအတွက် ကုဒ်ဝှက်ထားသည်၊ သို့မဟုတ် ၎င်း၏ ကုဒ်ဝှက်ခေါင်းစီးပိုင်း ပျက်စီးနေသည်။ ပေးပို့သူကို သင်၏ မိတ်ဖက်ကတ်အတွက် ကုဒ်ဝှက်ပြီး ထပ်ပို့ရန် တောင်းဆိုပါ။</translation>
    </message>
    <message>
        <source>%1 is signed by a key that is not a partner&apos;s: add the sender&apos;s partner card first.</source>
        <translation>%1 ကို မိတ်ဖက်အဖွဲ့ မဟုတ်သူ၏ သော့ဖြင့် လက်မှတ်ထိုးထားသည်- ပေးပို့သူ၏ မိတ်ဖက်ကတ်ကို ဦးစွာ ထည့်ပါ။</translation>
    </message>
    <message>
        <source>%1 carries the bundle id %2, which a bundle signed by another key already brought into this store: one of the two is not what it claims; it was not merged (ask both organisations which bundle they sent)</source>
        <translation>%1 တွင် ဖိုင်ထုပ် id %2 ပါသည်- ၎င်းကို အခြားသော့ဖြင့် လက်မှတ်ထိုးထားသော ဖိုင်ထုပ်တစ်ခုက ဤသိုလှောင်ရာသို့ ယူဆောင်လာပြီးဖြစ်သည်။ နှစ်ခုအနက် တစ်ခုသည် ၎င်းဆိုသည့်အတိုင်း မဟုတ်ပါ- ပေါင်းစည်းခြင်း မပြုပါ (မည်သည့်ဖိုင်ထုပ်ကို ပို့ခဲ့သည်ကို အဖွဲ့အစည်း နှစ်ခုလုံးကို မေးပါ)။</translation>
    </message>
    <message>
        <source>%1 is not a Caselog partner card.</source>
        <translation>%1 သည် Caselog မိတ်ဖက်ကတ် မဟုတ်ပါ။</translation>
    </message>
    <message>
        <source>%1 is not a readable partner card (%2).</source>
        <translation>%1 သည် ဖတ်၍ရသော မိတ်ဖက်ကတ် မဟုတ်ပါ (%2)။</translation>
    </message>
    <message>
        <source>%1: the card&apos;s fingerprint does not match its key.</source>
        <translation>%1- ကတ်၏ လက်ဗွေသည် ၎င်း၏ သော့နှင့် မကိုက်ညီပါ။</translation>
    </message>
    <message>
        <source>A partner named %1 already exists: remove it first to replace it.</source>
        <translation>%1 အမည်ရှိ မိတ်ဖက်အဖွဲ့ ရှိပြီးသား ဖြစ်သည်- အစားထိုးရန် ၎င်းကို ဦးစွာ ဖယ်ရှားပါ။</translation>
    </message>
    <message>
        <source>This card&apos;s signing key is already the key of partner %1.</source>
        <translation>ဤကတ်၏ လက်မှတ်ထိုးသော့သည် မိတ်ဖက်အဖွဲ့ %1 ၏ သော့ ဖြစ်ပြီးသားပါ။</translation>
    </message>
    <message>
        <source>The bundle has no signed manifest; it was refused.</source>
        <translation>ဖိုင်ထုပ်တွင် လက်မှတ်ထိုးထားသော ပါဝင်မှုစာရင်း မရှိပါ- ငြင်းပယ်လိုက်သည်။</translation>
    </message>
    <message>
        <source>%1: the signature does not match; the file was changed or not signed.</source>
        <translation>%1- လက်မှတ် မကိုက်ညီပါ- ဖိုင်ကို ပြောင်းလဲထားသည် သို့မဟုတ် လက်မှတ် မထိုးထားပါ။</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; it was not opened.</source>
        <translation>%1 သည် %2 MiB ထက် ကြီးသည်- မဖွင့်ခဲ့ပါ။</translation>
    </message>
    <message>
        <source>Check the input</source>
        <translation>ထည့်သွင်းချက်ကို စစ်ဆေးပါ</translation>
    </message>
    <message>
        <source>The store is locked</source>
        <translation>သိုလှောင်ရာကို လော့ခ်ချထားသည်</translation>
    </message>
    <message>
        <source>Store not found</source>
        <translation>သိုလှောင်ရာ ရှာမတွေ့ပါ</translation>
    </message>
    <message>
        <source>The store already exists</source>
        <translation>သိုလှောင်ရာ ရှိပြီးသား ဖြစ်သည်</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>စိစစ်ခြင်း မအောင်မြင်ပါ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ပယ်ဖျက်လိုက်သည်</translation>
    </message>
    <message>
        <source>Caselog could not do it</source>
        <translation>Caselog လုပ်ဆောင်၍ မရပါ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1- %2</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data for this selection</source>
        <translation>ဤရွေးချယ်မှုအတွက် ဒေတာ မရှိပါ</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>&lt;h3&gt;No case selected&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;ဖြစ်စဉ် မရွေးရသေးပါ&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>when there is no link, e.g. a Messenger chain</source>
        <translation>လင့်ခ် မရှိသည့်အခါ၊ ဥပမာ Messenger မက်ဆေ့ချ်တွဲ</translation>
    </message>
    <message>
        <source>The text of the post, as it appears</source>
        <translation>ပို့စ်၏ စာသား၊ မြင်ရသည့်အတိုင်း</translation>
    </message>
    <message>
        <source>@handle of the account that posted</source>
        <translation>ပို့စ်တင်သူ အကောင့်၏ @အမည်</translation>
    </message>
    <message>
        <source>name the account shows</source>
        <translation>အကောင့်တွင် ပြသော အမည်</translation>
    </message>
    <message>
        <source>Suspected fake account</source>
        <translation>အကောင့်အတု ဖြစ်နိုင်</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>ကော်မာဖြင့် ခြားပါ</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>ဖြစ်စဉ်ကို သိမ်းမည်</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>ပလက်ဖောင်း</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>လင့်ခ်</translation>
    </message>
    <message>
        <source>Post reference</source>
        <translation>ပို့စ် အမှတ်</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>အမျိုးအစား</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ဘာသာစကား</translation>
    </message>
    <message>
        <source>Posted at</source>
        <translation>ပို့စ်တင်ချိန်</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>အကြောင်းအရာ</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>ပို့စ်တင်သူ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>တက်ဂ်များ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>မှတ်စုများ</translation>
    </message>
    <message>
        <source>Paste screenshot (Ctrl+V)</source>
        <translation>ပုံ ကူးထည့်မည် (Ctrl+V)</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ဖိုင် ထည့်မည်…</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>သို့မဟုတ် ဤနေရာသို့ ဆွဲချပါ</translation>
    </message>
    <message>
        <source>Evidence (kept encrypted in the store)</source>
        <translation>အထောက်အထား (သိုလှောင်ရာတွင် ကုဒ်ဝှက်၍ သိမ်းထားသည်)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>အချိန်</translation>
    </message>
    <message>
        <source>What</source>
        <translation>အကြောင်းအရာ</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>နာရီ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>အသေးစိတ်</translation>
    </message>
    <message>
        <source>Add report…</source>
        <translation>တိုင်ကြားချက် ထည့်မည်…</translation>
    </message>
    <message>
        <source>Add response to selected report…</source>
        <translation>တုံ့ပြန်ချက် ထည့်မည်…</translation>
    </message>
    <message>
        <source>Reports and platform responses</source>
        <translation>တိုင်ကြားချက်များနှင့် ပလက်ဖောင်း၏ တုံ့ပြန်ချက်များ</translation>
    </message>
    <message>
        <source>Show retracted entries (struck through)</source>
        <translation>ပြန်ရုပ်သိမ်းထားသည်များကိုပါ ပြမည် (မျဉ်းဖြတ်ထား)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;New case&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;ဖြစ်စဉ်အသစ်&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>{0} · from {1}</source>
        <translation>{0} · {1} ထံမှ</translation>
    </message>
    <message>
        <source>Restored changes that were not saved: save them to keep them.</source>
        <translation>မသိမ်းရသေးသော ပြင်ဆင်ချက်များကို ပြန်ဖော်ထားသည်- ထိန်းထားလိုလျှင် သိမ်းပါ။</translation>
    </message>
    <message>
        <source>This text is Zawgyi-encoded. It is kept as entered; in Unicode it reads:
{0}</source>
        <translation>ဤစာသားသည် ဇော်ဂျီ ဖြင့် ရေးထားသည်။ ထည့်သွင်းသည့်အတိုင်း သိမ်းထားပြီး ယူနီကုဒ်ဖြင့် ဤသို့ ဖတ်ရသည်-
{0}</translation>
    </message>
    <message>
        <source>Posted at: {0}</source>
        <translation>ပို့စ်တင်ချိန်- {0}</translation>
    </message>
    <message>
        <source>Author&apos;s handle</source>
        <translation>ပို့စ်တင်သူ၏ @အမည်</translation>
    </message>
    <message>
        <source>Author&apos;s name</source>
        <translation>ပို့စ်တင်သူ၏ အမည်</translation>
    </message>
    <message>
        <source>Why is this account changed?</source>
        <translation>ဤအကောင့်ကို အဘယ်ကြောင့် ပြင်ဆင်သနည်း။</translation>
    </message>
    <message>
        <source>You are changing the saved account {0} ({1}). Every case it posted shows the change. The custody log keeps what each field was and becomes, with your reason. Why is it changed?</source>
        <translation>သိမ်းပြီးသော အကောင့် {0} ကို ပြင်ဆင်နေသည် ({1})။ ၎င်းတင်ခဲ့သော ဖြစ်စဉ်အားလုံးတွင် ဤပြင်ဆင်ချက်ကို မြင်ရမည်။ ထိန်းသိမ်းမှု မှတ်တမ်းတွင် အကွက်တစ်ခုစီ၏ မူလတန်ဖိုးနှင့် တန်ဖိုးအသစ်ကို သင်၏ အကြောင်းရင်းနှင့်အတူ သိမ်းထားမည်။ အဘယ်ကြောင့် ပြင်ဆင်သနည်း။</translation>
    </message>
    <message>
        <source>Why is this case changed?</source>
        <translation>ဤဖြစ်စဉ်ကို အဘယ်ကြောင့် ပြင်ဆင်သနည်း။</translation>
    </message>
    <message>
        <source>, </source>
        <translation>၊ </translation>
    </message>
    <message>
        <source>Author: type the account&apos;s handle too; its name and the suspected-fake flag are kept with the account. If the handle is not known, write the name in the notes.</source>
        <translation>ပို့စ်တင်သူ- အကောင့်၏ @အမည်ကိုလည်း ရိုက်ထည့်ပါ- အမည်နှင့် အကောင့်အတု ဖြစ်နိုင်ကြောင်း မှတ်သားချက်ကို အကောင့်နှင့်အတူ သိမ်းထားသည်။ @အမည်ကို မသိပါက အမည်ကို မှတ်စုတွင် ရေးပါ။</translation>
    </message>
    <message>
        <source>Not saved: a change to a saved case needs a reason. Your changes are still here.</source>
        <translation>မသိမ်းရသေးပါ- သိမ်းပြီးသော ဖြစ်စဉ်ကို ပြင်ဆင်ရန် အကြောင်းရင်း လိုအပ်သည်။ သင်၏ ပြင်ဆင်ချက်များ ဤနေရာတွင် ရှိနေဆဲ ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>The store is busy with another task (an import?), so nothing was saved. Your changes are still here: press Save case again in a moment.</source>
        <translation>သိုလှောင်ရာသည် အခြားလုပ်ငန်းတစ်ခု (ထည့်သွင်းခြင်း ဖြစ်နိုင်) ဖြင့် အလုပ်များနေသဖြင့် ဘာမျှ မသိမ်းရသေးပါ။ သင်၏ ပြင်ဆင်ချက်များ ဤနေရာတွင် ရှိနေဆဲ- ခဏအကြာတွင် &quot;ဖြစ်စဉ်ကို သိမ်းမည်&quot; ကို ထပ်နှိပ်ပါ။</translation>
    </message>
    <message>
        <source>Try saving again</source>
        <translation>ထပ်မံ သိမ်းကြည့်ပါ</translation>
    </message>
    <message>
        <source>{0}, {1} bytes</source>
        <translation>{0}၊ {1} ဘိုက်</translation>
    </message>
    <message>
        <source>attached at {0}</source>
        <translation>{0} တွင် ပူးတွဲထားသည်</translation>
    </message>
    <message>
        <source>captured at {0}</source>
        <translation>{0} တွင် ရိုက်ယူထားသည်</translation>
    </message>
    <message>
        <source>{0} (purged)</source>
        <translation>{0} (အပြီးဖျက်ထား)</translation>
    </message>
    <message>
        <source>purged at {0}: its bytes are gone</source>
        <translation>{0} တွင် အပြီးဖျက်ခဲ့သည်- ဖိုင်၏ အကြောင်းအရာ မရှိတော့ပါ</translation>
    </message>
    <message>
        <source>The clipboard holds no picture or file to add.</source>
        <translation>ကလစ်ဘုတ်တွင် ထည့်စရာ ပုံ သို့မဟုတ် ဖိုင် မရှိပါ။</translation>
    </message>
    <message>
        <source>Add evidence files</source>
        <translation>အထောက်အထား ဖိုင်များ ထည့်မည်</translation>
    </message>
    <message>
        <source>unknown reporter</source>
        <translation>မသိရသော တိုင်ကြားသူ</translation>
    </message>
    <message>
        <source>Reported by {0}</source>
        <translation>{0} က တိုင်ကြားသည်</translation>
    </message>
    <message>
        <source>final</source>
        <translation>နောက်ဆုံး</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>စောင့်ဆိုင်းဆဲ</translation>
    </message>
    <message numerus="yes">
        <source>[%n file(s)]</source>
        <translation>
            <numerusform>[ဖိုင် %n ခု]</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to open the screenshot</source>
        <translation>မျက်နှာပြင်ပုံကို ဖွင့်ရန် နှစ်ချက်နှိပ်ပါ</translation>
    </message>
    <message>
        <source>retracted {0}: {1}</source>
        <translation>{0} တွင် ပြန်ရုပ်သိမ်းခဲ့သည်- {1}</translation>
    </message>
    <message>
        <source>You are changing a saved case and the saved account {0} ({1}); every case the account posted shows its change. The custody log keeps what each field was and becomes, with your reason. Why is it changed?</source>
        <translation>သိမ်းပြီးသော ဖြစ်စဉ်နှင့် သိမ်းပြီးသော အကောင့် {0} ကို ပြင်ဆင်နေသည် ({1})- ထိုအကောင့်တင်ခဲ့သော ဖြစ်စဉ်အားလုံးတွင် ၎င်း၏ ပြင်ဆင်ချက်ကို မြင်ရမည်။ ထိန်းသိမ်းမှု မှတ်တမ်းတွင် အကွက်တစ်ခုစီ၏ မူလတန်ဖိုးနှင့် တန်ဖိုးအသစ်ကို သင်၏ အကြောင်းရင်းနှင့်အတူ သိမ်းထားမည်။ အဘယ်ကြောင့် ပြင်ဆင်သနည်း။</translation>
    </message>
    <message>
        <source>You are changing a saved case ({1}). The custody log keeps what each field was and becomes, with your reason. Why is it changed?</source>
        <translation>သိမ်းပြီးသော ဖြစ်စဉ်ကို ပြင်ဆင်နေသည် ({1})။ ထိန်းသိမ်းမှု မှတ်တမ်းတွင် အကွက်တစ်ခုစီ၏ မူလတန်ဖိုးနှင့် တန်ဖိုးအသစ်ကို သင်၏ အကြောင်းရင်းနှင့်အတူ သိမ်းထားမည်။ အဘယ်ကြောင့် ပြင်ဆင်သနည်း။</translation>
    </message>
    <message>
        <source>Not corrected</source>
        <translation>မပြင်ဆင်ရသေးပါ</translation>
    </message>
    <message>
        <source>Platform response</source>
        <translation>ပလက်ဖောင်း၏ တုံ့ပြန်ချက်</translation>
    </message>
    <message>
        <source>Report not added</source>
        <translation>တိုင်ကြားချက် မထည့်ရသေးပါ</translation>
    </message>
    <message>
        <source>Choose a report</source>
        <translation>တိုင်ကြားချက်တစ်ခု ရွေးပါ</translation>
    </message>
    <message>
        <source>Select the report this response answers.</source>
        <translation>ဤတုံ့ပြန်ချက်က ဖြေကြားသော တိုင်ကြားချက်ကို ရွေးပါ။</translation>
    </message>
    <message>
        <source>Response not added</source>
        <translation>တုံ့ပြန်ချက် မထည့်ရသေးပါ</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Search text, link, author, notes (any language)</source>
        <translation>စာသား၊ လင့်ခ်၊ ပို့စ်တင်သူ၊ မှတ်စု ရှာရန် (မည်သည့်ဘာသာမဆို)</translation>
    </message>
    <message>
        <source>Pending and decided</source>
        <translation>စောင့်ဆိုင်းဆဲနှင့် ဆုံးဖြတ်ပြီး</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>စောင့်ဆိုင်းဆဲ</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>ဆုံးဖြတ်ပြီး</translation>
    </message>
    <message>
        <source>Over SLA</source>
        <translation>SLA ကျော်လွန်</translation>
    </message>
    <message>
        <source>First reported from</source>
        <translation>ပထမဆုံး တိုင်ကြားရက်</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>ဤစစ်ထုတ်ချက်ကို ဖယ်ရှားမည်</translation>
    </message>
    <message>
        <source>to</source>
        <translation>မှ</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>ပလက်ဖောင်း အားလုံး</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>အမျိုးအစား အားလုံး</translation>
    </message>
    <message>
        <source>uncategorised</source>
        <translation>အမျိုးအစား မခွဲရသေး</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>မည်သည့် ရလဒ်မဆို</translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n case(s)</source>
        <translation>
            <numerusform>ဖြစ်စဉ် %n ခုအနက် {0} ခု</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>ဖြစ်စဉ် %n ခု</numerusform>
        </translation>
    </message>
    <message>
        <source>Chosen cases</source>
        <translation>ရွေးထားသော ဖြစ်စဉ်များ</translation>
    </message>
</context>
<context>
    <name>CaseScope</name>
    <message>
        <source>All cases</source>
        <translation>ဖြစ်စဉ် အားလုံး</translation>
    </message>
    <message numerus="yes">
        <source>The %n case(s) in the current list</source>
        <translation>
            <numerusform>လက်ရှိစာရင်းရှိ ဖြစ်စဉ် %n ခု</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n selected case(s)</source>
        <translation>
            <numerusform>ရွေးထားသော ဖြစ်စဉ် %n ခု</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case</source>
        <translation>ဖြစ်စဉ်</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>ပလက်ဖောင်း</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>ပို့စ်တင်သူ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>အမျိုးအစား</translation>
    </message>
    <message>
        <source>First reported</source>
        <translation>ပထမဆုံး တိုင်ကြားချိန်</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>တိုင်ကြားချက်</translation>
    </message>
    <message>
        <source>Latest outcome</source>
        <translation>နောက်ဆုံး ရလဒ်</translation>
    </message>
    <message>
        <source>Waiting / decided in</source>
        <translation>စောင့်ဆိုင်းချိန် / ဆုံးဖြတ်ချိန်</translation>
    </message>
    <message>
        <source>Over SLA</source>
        <translation>SLA ကျော်လွန်</translation>
    </message>
    <message>
        <source>From</source>
        <translation>မူလ အဖွဲ့</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>အကြောင်းအရာ</translation>
    </message>
    <message>
        <source>Hours waiting so far</source>
        <translation>ယခုထိ စောင့်ဆိုင်းခဲ့သော နာရီ</translation>
    </message>
    <message>
        <source>Hours from report to the last decision</source>
        <translation>တိုင်ကြားချိန်မှ နောက်ဆုံး ဆုံးဖြတ်ချက်အထိ နာရီ</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(မသိရ)</translation>
    </message>
    <message>
        <source>uncategorised</source>
        <translation>အမျိုးအစား မခွဲရသေး</translation>
    </message>
    <message>
        <source>not reported yet</source>
        <translation>မတိုင်ကြားရသေး</translation>
    </message>
    <message>
        <source>{0}, no decision yet</source>
        <translation>{0}၊ ဆုံးဖြတ်ချက် မရသေး</translation>
    </message>
    <message>
        <source>over SLA</source>
        <translation>SLA ကျော်လွန်</translation>
    </message>
</context>
<context>
    <name>Caselog</name>
    <message>
        <source>Caselog: unexpected error</source>
        <translation>Caselog- မမျှော်လင့်သော အမှား</translation>
    </message>
    <message>
        <source>Caselog hit a problem it did not expect. Your saved work is safe in the encrypted store. Please copy the details below into a report.</source>
        <translation>Caselog တွင် မမျှော်လင့်ထားသော ပြဿနာ ဖြစ်ပေါ်ခဲ့သည်။ သင် သိမ်းထားသော အလုပ်များသည် ကုဒ်ဝှက်ထားသော သိုလှောင်ရာတွင် လုံခြုံစွာ ရှိနေပါသည်။ အောက်ပါ အသေးစိတ်ကို ကူးယူ၍ ပြဿနာ အစီရင်ခံစာတွင် ထည့်ပေးပါ။</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Match the columns</source>
        <translation>ကော်လံများကို ကိုက်ညီအောင် ချိတ်ပါ</translation>
    </message>
    <message>
        <source>(not in this file)</source>
        <translation>(ဤဖိုင်တွင် မပါ)</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation> (မဖြစ်မနေ လိုအပ်)</translation>
    </message>
    <message>
        <source>For each column Caselog reads, choose the column of your sheet that holds it. Columns you leave unmatched are kept as notes.</source>
        <translation>Caselog ဖတ်သော ကော်လံတစ်ခုစီအတွက် ၎င်းကို ထည့်ထားသော သင့်စာရွက်၏ ကော်လံကို ရွေးပါ။ မချိတ်ဘဲ ချန်ထားသော ကော်လံများကို မှတ်စုအဖြစ် သိမ်းထားမည်။</translation>
    </message>
    <message>
        <source>Still needed: {0}</source>
        <translation>လိုအပ်နေသေးသည်- {0}</translation>
    </message>
    <message>
        <source>Used for two columns: {0}</source>
        <translation>ကော်လံနှစ်ခုအတွက် သုံးထားသည်- {0}</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>အချိန်</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>လုပ်ဆောင်သူ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>လုပ်ဆောင်ချက်</translation>
    </message>
    <message>
        <source>What</source>
        <translation>အကြောင်းအရာ</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>ဖြစ်စဉ်</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>အသေးစိတ်</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Case, e.g. C-000012</source>
        <translation>ဖြစ်စဉ်၊ ဥပမာ C-000012</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>လုပ်ဆောင်ချက် အားလုံး</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>မှတ်တမ်းကွင်းဆက်ကို စိစစ်မည်</translation>
    </message>
    <message>
        <source>The custody log is intact: all {0} events link to the one before them and none was changed.</source>
        <translation>ထိန်းသိမ်းမှု မှတ်တမ်း ပြည့်စုံမှန်ကန်သည်- ဖြစ်ရပ် {0} ခုလုံးသည် ၎င်းတို့၏ ရှေ့ဖြစ်ရပ်နှင့် ချိတ်ဆက်နေပြီး မည်သည့်ဖြစ်ရပ်ကိုမျှ ပြောင်းလဲထားခြင်း မရှိပါ။</translation>
    </message>
    <message>
        <source>The custody log is BROKEN at event {0}: {1}. Events from there on cannot be trusted; keep this store as it is and compare it with a backup.</source>
        <translation>ထိန်းသိမ်းမှု မှတ်တမ်းသည် ဖြစ်ရပ် {0} တွင် ပျက်နေသည်- {1}။ ထိုနေရာမှစ၍ ဖြစ်ရပ်များကို ယုံကြည်၍ မရပါ- ဤသိုလှောင်ရာကို မူလအတိုင်း ထားပြီး အရန်မိတ္တူနှင့် နှိုင်းယှဉ်ပါ။</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>All time</source>
        <translation>ကာလ အားလုံး</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>ယခုလ</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>ပြီးခဲ့သော 3 လ</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>ကိုယ်တိုင် သတ်မှတ်သော ကာလ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>ပြန်လည်တွက်ချက်မည်</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>ကာလ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>မှ</translation>
    </message>
    <message>
        <source>Click to see the cases behind this figure</source>
        <translation>ဤကိန်းဂဏန်း၏ နောက်ကွယ်ရှိ ဖြစ်စဉ်များကို ကြည့်ရန် နှိပ်ပါ</translation>
    </message>
    <message>
        <source>Reports and removals per month</source>
        <translation>လစဉ် တိုင်ကြားချက်နှင့် ဖယ်ရှားမှု</translation>
    </message>
    <message>
        <source>Hours to a final decision per month</source>
        <translation>လစဉ် နောက်ဆုံး ဆုံးဖြတ်ချက်အထိ ကြာချိန် (နာရီ)</translation>
    </message>
    <message>
        <source>How long final decisions took</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက်များ ကြာချိန်</translation>
    </message>
    <message>
        <source>Reports still waiting, by age</source>
        <translation>စောင့်ဆိုင်းဆဲ တိုင်ကြားချက်များ၊ ကြာချိန်အလိုက်</translation>
    </message>
    <message>
        <source>Outcomes by platform</source>
        <translation>ပလက်ဖောင်းအလိုက် ရလဒ်များ</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>ပလက်ဖောင်း အားလုံး</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>အမျိုးအစား အားလုံး</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>တွက်ချက်နေသည်…</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>{0} အထိ</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>တိုင်ကြားချက်</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>ဖယ်ရှားပြီး</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>အလယ်ကိန်း</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90 ရာခိုင်နှုန်းမြောက်ကိန်း</translation>
    </message>
    <message>
        <source> h</source>
        <comment>after a number of hours on the chart&apos;s axis</comment>
        <translation> နာရီ</translation>
    </message>
    <message>
        <source>{0}–{1} h</source>
        <comment>a range of hours</comment>
        <translation>{0}–{1} နာရီ</translation>
    </message>
    <message>
        <source>&gt; {0} h</source>
        <comment>more than so many hours</comment>
        <translation>&gt; {0} နာရီ</translation>
    </message>
    <message>
        <source>SLA {0:g} h</source>
        <translation>SLA {0:g} နာရီ</translation>
    </message>
    <message>
        <source>Reports of {0}</source>
        <translation>{0} ၏ တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Waiting {0}</source>
        <translation>စောင့်ဆိုင်းချိန် {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>ထုတ်ယူမည်</translation>
    </message>
    <message>
        <source>Export the indicator workbook</source>
        <translation>အညွှန်းကိန်း Excel ဖိုင်ကို ထုတ်ယူမည်</translation>
    </message>
    <message>
        <source>Export an evidence pack</source>
        <translation>အထောက်အထားအစုံ ထုတ်ယူမည်</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>ရွေးမည်…</translation>
    </message>
    <message>
        <source>Only reports made from</source>
        <translation>ဤရက်များအတွင်း ပြုလုပ်သော တိုင်ကြားချက်များသာ</translation>
    </message>
    <message>
        <source>English</source>
        <translation>အင်္ဂလိပ် (English)</translation>
    </message>
    <message>
        <source>Burmese (Myanmar)</source>
        <translation>မြန်မာ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>မှ</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>သိမ်းမည့်ဖိုင်</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>ကာလ</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>ဖြစ်စဉ်များ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ဘာသာစကား</translation>
    </message>
    <message>
        <source>&lt;b&gt;The pack is not encrypted.&lt;/b&gt; Anyone who gets the file can read every case and see every screenshot in it. Send it only over a channel you trust.</source>
        <translation>&lt;b&gt;ဤအစုံကို ကုဒ်ဝှက်မထားပါ။&lt;/b&gt; ဖိုင်ကို ရရှိသူ မည်သူမဆို ဖြစ်စဉ်တိုင်းကို ဖတ်နိုင်ပြီး မျက်နှာပြင်ပုံတိုင်းကို မြင်နိုင်သည်။ သင် ယုံကြည်သော လမ်းကြောင်းဖြင့်သာ ပေးပို့ပါ။</translation>
    </message>
    <message>
        <source>There are no cases to export in this choice.</source>
        <translation>ဤရွေးချယ်မှုတွင် ထုတ်ယူရန် ဖြစ်စဉ် မရှိပါ။</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>ရေးနေသည်…</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>ပယ်ဖျက်လိုက်သည်- ဖိုင် မရေးရသေးပါ။</translation>
    </message>
    <message numerus="yes">
        <source>The workbook was written to {0} (%n report(s)).</source>
        <translation>
            <numerusform>Excel ဖိုင်ကို {0} သို့ ရေးပြီးပါပြီ (တိုင်ကြားချက် %n ခု)။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The evidence pack was written to {0}: %n case(s), {1}, signed with key {2}. It is NOT encrypted: send it only over a channel you trust.</source>
        <translation>
            <numerusform>အထောက်အထားအစုံကို {0} သို့ ရေးပြီးပါပြီ- ဖြစ်စဉ် %n ခု၊ {1}၊ သော့ {2} ဖြင့် လက်မှတ်ထိုးထားသည်။ ၎င်းကို ကုဒ်ဝှက်မထားပါ- သင် ယုံကြည်သော လမ်းကြောင်းဖြင့်သာ ပေးပို့ပါ။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>ဖိုင် %n ခု</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not in it: %n of the cases chosen (a pack holds the cases reported to a platform in the period, and these have no report in it).</source>
        <translation>
            <numerusform>ရွေးထားသော ဖြစ်စဉ် %n ခု မပါဝင်ပါ (အထောက်အထားအစုံတွင် ကာလအတွင်း ပလက်ဖောင်းသို့ တိုင်ကြားခဲ့သော ဖြစ်စဉ်များသာ ပါဝင်ပြီး ဤဖြစ်စဉ်များတွင် ထိုကာလအတွင်း တိုင်ကြားချက် မရှိပါ)။</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>This file is not an image Caselog can show.</source>
        <translation>ဤဖိုင်သည် Caselog ပြသနိုင်သော ပုံ မဟုတ်ပါ။</translation>
    </message>
</context>
<context>
    <name>ImportBundleDialog</name>
    <message>
        <source>Merge into our store</source>
        <translation>ကျွန်ုပ်တို့၏ သိုလှောင်ရာသို့ ပေါင်းထည့်မည်</translation>
    </message>
    <message>
        <source>Import a partner&apos;s bundle</source>
        <translation>မိတ်ဖက်အဖွဲ့၏ ဖိုင်ထုပ်ကို ထည့်သွင်းမည်</translation>
    </message>
    <message>
        <source>Choose bundle…</source>
        <translation>ဖိုင်ထုပ် ရွေးမည်…</translation>
    </message>
    <message>
        <source>only if it was locked with a passphrase</source>
        <translation>စကားဝှက်ဖြင့် လော့ခ်ချထားမှသာ</translation>
    </message>
    <message>
        <source>Check bundle</source>
        <translation>ဖိုင်ထုပ်ကို စစ်ဆေးမည်</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>မှတ်တမ်းများ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>အသစ်</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>အတူတူ</translation>
    </message>
    <message>
        <source>Changed, theirs newer</source>
        <translation>ပြောင်းထားသည်၊ သူတို့၏ဟာ ပိုသစ်</translation>
    </message>
    <message>
        <source>Changed, ours kept</source>
        <translation>ပြောင်းထားသည်၊ ကျွန်ုပ်တို့၏ဟာ ထားမည်</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>ငြင်းပယ်</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>ဖြစ်စဉ်</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>မှတ်တမ်း</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>အကွက်များ</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>ဖြစ်ပေါ်မည့်အရာ</translation>
    </message>
    <message>
        <source>The signature and every file&apos;s hash check out.</source>
        <translation>လက်မှတ်နှင့် ဖိုင်တိုင်း၏ SHA-256 တန်ဖိုး မှန်ကန်ပါသည်။</translation>
    </message>
    <message>
        <source>Its records have not been read yet: first check this fingerprint with {0} (on a call, not by email).</source>
        <translation>၎င်း၏ မှတ်တမ်းများကို မဖတ်ရသေးပါ- ဤလက်ဗွေကို {0} နှင့် ဦးစွာ တိုက်စစ်ပါ (ဖုန်းဖြင့်၊ အီးမေးလ်ဖြင့် မဟုတ်)။</translation>
    </message>
    <message>
        <source>Made by &lt;b&gt;{0}&lt;/b&gt; on {1}, signed with key &lt;b&gt;{2}&lt;/b&gt;, which is {3}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; က {1} တွင် ပြုလုပ်ပြီး သော့ &lt;b&gt;{2}&lt;/b&gt; ဖြင့် လက်မှတ်ထိုးထားသည်- ၎င်းသည် {3} ဖြစ်သည်။</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) would be added or updated.</source>
        <translation>
            <numerusform>မှတ်တမ်း %n ခုကို ထည့်မည် သို့မဟုတ် အပ်ဒိတ်လုပ်မည်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) would be kept in the custody log. Nothing has been written yet.</source>
        <translation>
            <numerusform>ကွဲလွဲချက် %n ခုကို ထိန်းသိမ်းမှု မှတ်တမ်းတွင် သိမ်းထားမည်။ ဘာမျှ မသိမ်းရသေးပါ။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged: %n record(s) added or updated.</source>
        <translation>
            <numerusform>ပေါင်းထည့်ပြီးပါပြီ- မှတ်တမ်း %n ခု ထည့်ပြီး သို့မဟုတ် အပ်ဒိတ်လုပ်ပြီး။</numerusform>
        </translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>ဖိုင်ထုပ်</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <source>Decrypting and checking every record and file…</source>
        <translation>မှတ်တမ်းနှင့် ဖိုင်တိုင်းကို ကုဒ်ဖြေ၍ စစ်ဆေးနေသည်…</translation>
    </message>
    <message>
        <source>a partner in your directory ({0})</source>
        <translation>သင့်စာရင်းရှိ မိတ်ဖက်အဖွဲ့ ({0})</translation>
    </message>
    <message>
        <source>your own organisation</source>
        <translation>သင်၏ ကိုယ်ပိုင် အဖွဲ့အစည်း</translation>
    </message>
    <message>
        <source>&lt;b&gt;NOT a known partner&lt;/b&gt;</source>
        <translation>&lt;b&gt;သိထားသော မိတ်ဖက်အဖွဲ့ မဟုတ်ပါ&lt;/b&gt;</translation>
    </message>
    <message>
        <source>I checked this fingerprint with {0} on a call, and I trust this bundle</source>
        <translation>ဤလက်ဗွေကို {0} နှင့် ဖုန်းဖြင့် တိုက်စစ်ပြီးပြီ၊ ဤဖိုင်ထုပ်ကို ယုံကြည်ပါသည်</translation>
    </message>
    <message>
        <source>Tick the box once the fingerprint matches: only then are its records decrypted and checked. Nothing has been written.</source>
        <translation>လက်ဗွေ ကိုက်ညီမှသာ အကွက်ကို အမှန်ခြစ်ပါ- ထိုအခါမှသာ ၎င်း၏ မှတ်တမ်းများကို ကုဒ်ဖြေ၍ စစ်ဆေးမည်။ ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message>
        <source>This bundle was imported before: merging changes nothing.</source>
        <translation>ဤဖိုင်ထုပ်ကို ယခင်က ထည့်သွင်းပြီးပြီ- ပေါင်းထည့်လျှင် ဘာမျှ မပြောင်းလဲပါ။</translation>
    </message>
    <message>
        <source>&lt;b&gt;Key change:&lt;/b&gt; partner {0} moved from key {1} to {2}; the old key signed the notice. Merging records the new key in your directory.</source>
        <translation>&lt;b&gt;သော့ ပြောင်းလဲမှု-&lt;/b&gt; မိတ်ဖက်အဖွဲ့ {0} သည် သော့ {1} မှ {2} သို့ ပြောင်းထားသည်- သော့ဟောင်းက အသိပေးချက်ကို လက်မှတ်ထိုးထားသည်။ ပေါင်းထည့်လျှင် သော့အသစ်ကို သင့်စာရင်းတွင် မှတ်တမ်းတင်မည်။</translation>
    </message>
    <message numerus="yes">
        <source>%n new record(s) were labelled as another organisation&apos;s; they are kept as records of {0}, who signed the bundle.</source>
        <translation>
            <numerusform>မှတ်တမ်းအသစ် %n ခုကို အခြားအဖွဲ့အစည်း၏ မှတ်တမ်းဟု တံဆိပ်ကပ်ထားသည်- ၎င်းတို့ကို ဖိုင်ထုပ်ကို လက်မှတ်ထိုးသူ {0} ၏ မှတ်တမ်းအဖြစ် ထားမည်။</numerusform>
        </translation>
    </message>
    <message>
        <source>another organisation</source>
        <translation>အခြား အဖွဲ့အစည်း</translation>
    </message>
    <message>
        <source>Not theirs to change (it is {0}&apos;s): ours is kept</source>
        <translation>သူတို့ ပြောင်းခွင့် မရှိပါ ({0} ၏ မှတ်တမ်း)- ကျွန်ုပ်တို့၏ဟာ ထားမည်</translation>
    </message>
    <message>
        <source>We retracted it here: it stays retracted, their edit is not applied</source>
        <translation>ဤနေရာတွင် ကျွန်ုပ်တို့ ပြန်ရုပ်သိမ်းထားသည်- ပြန်ရုပ်သိမ်းထားဆဲ ဖြစ်ပြီး သူတို့၏ ပြင်ဆင်ချက်ကို မထည့်ပါ</translation>
    </message>
    <message>
        <source>Refused: it would change a record that is {0}&apos;s</source>
        <translation>ငြင်းပယ်သည်- {0} ၏ မှတ်တမ်းကို ပြောင်းလဲမည် ဖြစ်သောကြောင့်</translation>
    </message>
    <message>
        <source>Both changed it: theirs is newer and replaces ours</source>
        <translation>နှစ်ဖက်စလုံး ပြောင်းထားသည်- သူတို့၏ဟာ ပိုသစ်၍ ကျွန်ုပ်တို့၏ဟာကို အစားထိုးမည်</translation>
    </message>
    <message>
        <source>Both changed it: ours is newer and is kept</source>
        <translation>နှစ်ဖက်စလုံး ပြောင်းထားသည်- ကျွန်ုပ်တို့၏ဟာ ပိုသစ်၍ ထားမည်</translation>
    </message>
    <message>
        <source>Nothing new: the store is unchanged.</source>
        <translation>အသစ် မရှိပါ- သိုလှောင်ရာ မပြောင်းလဲပါ။</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>ထည့်သွင်းမည်</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>စာရင်းဇယား ဖိုင် ထည့်သွင်းမည်</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>ဖိုင် ရွေးမည်…</translation>
    </message>
    <message>
        <source>first sheet</source>
        <translation>ပထမ စာရွက်</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>ဖိုင်ကို စစ်ဆေးမည်</translation>
    </message>
    <message>
        <source>Match columns…</source>
        <translation>ကော်လံများ ချိတ်မည်…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>အတန်း</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ကော်လံ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>ပြဿနာ</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>ပြဿနာများ</translation>
    </message>
    <message>
        <source>Rows understood</source>
        <translation>နားလည်သော အတန်းများ</translation>
    </message>
    <message>
        <source>Import the valid rows and write the invalid ones to a rejects file</source>
        <translation>မှန်ကန်သော အတန်းများကို ထည့်သွင်းပြီး မမှန်သော အတန်းများကို ပယ်ချဖိုင်တွင် ရေးမည်</translation>
    </message>
    <message>
        <source>Choose a CSV or XLSX file in the report-log format.</source>
        <translation>တိုင်ကြားချက်မှတ်တမ်း ပုံစံရှိ CSV သို့မဟုတ် XLSX ဖိုင်ကို ရွေးပါ။</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ဖိုင်</translation>
    </message>
    <message>
        <source>Times without a zone are in</source>
        <translation>ဇုန်မပါသော အချိန်များ၏ အချိန်ဇုန်</translation>
    </message>
    <message>
        <source>Sheet (XLSX)</source>
        <translation>စာရွက် (XLSX)</translation>
    </message>
    <message>
        <source>Report log</source>
        <translation>တိုင်ကြားချက် မှတ်တမ်း</translation>
    </message>
    <message>
        <source>{0} (did you mean {1}?)</source>
        <translation>{0} ({1} ကို ဆိုလိုပါသလား။)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>အတန်းတိုင်းကို စစ်ဆေးနေသည်…</translation>
    </message>
    <message>
        <source> Unknown columns kept as notes: {0}.</source>
        <translation> မသိသော ကော်လံများကို မှတ်စုအဖြစ် သိမ်းထားမည်- {0}။</translation>
    </message>
    <message>
        <source>, </source>
        <translation>၊ </translation>
    </message>
    <message>
        <source>{0}: {1} valid, {2}. Nothing has been written. Fix the file, or import only the valid rows.</source>
        <translation>{0}- မှန်ကန် {1} ခု၊ {2}။ ဘာမျှ မသိမ်းရသေးပါ။ ဖိုင်ကို ပြင်ပါ၊ သို့မဟုတ် မှန်ကန်သော အတန်းများကိုသာ ထည့်သွင်းပါ။</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>အတန်း %n ခု</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>ပြဿနာ %n ခု</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), all valid. Nothing has been written yet.</source>
        <translation>
            <numerusform>အတန်း %n ခု၊ အားလုံး မှန်ကန်သည်။ ဘာမျှ မသိမ်းရသေးပါ။</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: {0}, {1}, {2}.</source>
        <translation>ထည့်သွင်းပြီးပါပြီ- {0}၊ {1}၊ {2}။</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) added</source>
        <translation>
            <numerusform>တိုင်ကြားချက် %n ခု ထည့်ပြီး</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation>
            <numerusform>%n ခု ရှိပြီးသား</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n ခု ပယ်ချ</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>ထည့်သွင်းနေသည်…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>ထည့်သွင်းခြင်းကို ပယ်ဖျက်လိုက်သည်- ဘာမျှ မသိမ်းရသေးပါ။</translation>
    </message>
    <message numerus="yes">
        <source>%n platform response(s) added to reports already present, which had none of that kind yet.</source>
        <translation>
            <numerusform>ရှိပြီးသား တိုင်ကြားချက်များသို့ ပလက်ဖောင်း တုံ့ပြန်ချက် %n ခု ထည့်ပြီးပါပြီ- ၎င်းတို့တွင် ထိုအမျိုးအစား တုံ့ပြန်ချက် မရှိသေးပါ။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) give an author, text, category, language or posting time that a case already in the store has empty: not taken, as a correction may have emptied it; fill it in the case if it belongs there.</source>
        <translation>
            <numerusform>အတန်း %n ခုတွင် သိုလှောင်ရာ၌ ရှိပြီးသား ဖြစ်စဉ်တစ်ခု၏ ဗလာဖြစ်နေသော ပို့စ်တင်သူ၊ စာသား၊ အမျိုးအစား၊ ဘာသာစကား သို့မဟုတ် ပို့စ်တင်ချိန်ကို ပေးထားသည်- ပြင်ဆင်ချက်တစ်ခုက ၎င်းကို ဗလာပြုခဲ့နိုင်သောကြောင့် မယူပါ- သင့်လျော်ပါက ဖြစ်စဉ်တွင် ဖြည့်ပါ။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) completed from later rows: their first row left the author, text, category, language or posting time empty.</source>
        <translation>
            <numerusform>နောက်ပိုင်း အတန်းများမှ ပို့စ် %n ခုကို ဖြည့်စွက်ပြီးပါပြီ- ၎င်းတို့၏ ပထမ အတန်းတွင် ပို့စ်တင်သူ၊ စာသား၊ အမျိုးအစား၊ ဘာသာစကား သို့မဟုတ် ပို့စ်တင်ချိန်ကို ဗလာထားခဲ့သည်။</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected rows: {0}</source>
        <translation>ပယ်ချသော အတန်းများ- {0}</translation>
    </message>
    <message>
        <source>Use &apos;Match columns…&apos; to say which of your columns hold them.</source>
        <translation>သင့်ကော်လံများအနက် မည်သည့်ကော်လံတွင် ၎င်းတို့ ပါသည်ကို &apos;ကော်လံများ ချိတ်မည်…&apos; ဖြင့် ပြောပါ။</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>Reports made to the platforms</source>
        <translation>ပလက်ဖောင်းများထံ တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Distinct posts reported</source>
        <translation>တိုင်ကြားခံရသော ပို့စ် (မထပ်)</translation>
    </message>
    <message>
        <source>Accounts that made the reports</source>
        <translation>တိုင်ကြားခဲ့သော အကောင့်များ</translation>
    </message>
    <message>
        <source>Distinct accounts behind the reported posts</source>
        <translation>တိုင်ကြားခံရသော ပို့စ်များကို တင်ခဲ့သည့် အကောင့် (မထပ်)</translation>
    </message>
    <message>
        <source>Reports that received any response</source>
        <translation>တုံ့ပြန်ချက် တစ်စုံတစ်ရာ ရရှိသော တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Reports that received a final decision</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက် ရရှိသော တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Reports whose post was removed</source>
        <translation>ပို့စ်ကို ဖယ်ရှားပြီးသော တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Reports acted on (removed, restricted, suspended or banned)</source>
        <translation>အရေးယူခံရသော တိုင်ကြားချက်များ (ဖယ်ရှား၊ ကန့်သတ်၊ ယာယီပိတ် သို့မဟုတ် အပြီးပိတ်)</translation>
    </message>
    <message>
        <source>Share of reports whose post was removed</source>
        <translation>ပို့စ်ကို ဖယ်ရှားပြီးသော တိုင်ကြားချက် ရာခိုင်နှုန်း</translation>
    </message>
    <message>
        <source>Average hours to a final decision</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက်အထိ ပျမ်းမျှ ကြာချိန် (နာရီ)</translation>
    </message>
    <message>
        <source>Median hours to a final decision</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက်အထိ အလယ်ကိန်း ကြာချိန် (နာရီ)</translation>
    </message>
    <message>
        <source>Reports decided more than {sla} hours after they were made</source>
        <translation>တိုင်ကြားပြီး {sla} နာရီကျော်မှ ဆုံးဖြတ်ခဲ့သော တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Reports with no final decision after {sla} hours</source>
        <translation>{sla} နာရီကျော်သည်အထိ နောက်ဆုံး ဆုံးဖြတ်ချက် မရသေးသော တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Reports that waited more than {sla} hours for a final decision</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက်အတွက် {sla} နာရီထက် ပို၍ စောင့်ခဲ့ရသော တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Reports still waiting for a final decision</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက်ကို စောင့်ဆိုင်းဆဲ တိုင်ကြားချက်များ</translation>
    </message>
    <message>
        <source>Accounts temporarily suspended</source>
        <translation>ယာယီပိတ်ခံရသော အကောင့်များ</translation>
    </message>
    <message>
        <source>Accounts permanently banned</source>
        <translation>အပြီးပိတ်ခံရသော အကောင့်များ</translation>
    </message>
    <message>
        <source>Suspected fake accounts among the authors</source>
        <translation>ပို့စ်တင်သူများထဲမှ အကောင့်အတုဟု သံသယရှိသူများ</translation>
    </message>
    <message>
        <source>Suspected fake accounts suspended or banned</source>
        <translation>ယာယီပိတ် သို့မဟုတ် အပြီးပိတ်ခံရသော အကောင့်အတုဟု သံသယရှိသူများ</translation>
    </message>
    <message>
        <source>Repeat offenders ({threshold} or more reported posts)</source>
        <translation>ထပ်တလဲလဲ ကျူးလွန်သူများ (တိုင်ကြားခံရသော ပို့စ် {threshold} ခုနှင့်အထက်)</translation>
    </message>
    <message>
        <source>Repeat offenders not banned</source>
        <translation>အပြီးမပိတ်ရသေးသော ထပ်တလဲလဲ ကျူးလွန်သူများ</translation>
    </message>
    <message>
        <source>Groups of duplicate posts (same text)</source>
        <translation>ထပ်နေသော ပို့စ် အုပ်စုများ (စာသား တူညီ)</translation>
    </message>
    <message>
        <source>Posts in those duplicate groups</source>
        <translation>ထိုအုပ်စုများရှိ ထပ်နေသော ပို့စ်များ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cases</source>
        <translation>ဖြစ်စဉ်များ</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>အနှစ်ချုပ်</translation>
    </message>
    <message>
        <source>Repeat offenders and duplicates</source>
        <translation>ထပ်တလဲလဲ ကျူးလွန်သူများနှင့် ထပ်နေသော ပို့စ်များ</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>ထိန်းသိမ်းမှု မှတ်တမ်း</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>မိတ်ဖက်အဖွဲ့များ</translation>
    </message>
    <message>
        <source>Open the demo store</source>
        <translation>နမူနာ သိုလှောင်ရာကို ဖွင့်မည်</translation>
    </message>
    <message>
        <source>Import a report log (CSV or Excel)</source>
        <translation>တိုင်ကြားချက် မှတ်တမ်း (CSV သို့မဟုတ် Excel) ကို ထည့်သွင်းမည်</translation>
    </message>
    <message>
        <source>Export the indicator workbook (Excel)</source>
        <translation>အညွှန်းကိန်း Excel ဖိုင်ကို ထုတ်ယူမည်</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>လော့ခ်ချမည်</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L): close the store and clear the screen</source>
        <translation>ယခု လော့ခ်ချမည် (Ctrl+L)- သိုလှောင်ရာကို ပိတ်ပြီး မျက်နှာပြင်ကို ရှင်းမည်</translation>
    </message>
    <message>
        <source>Find cases…</source>
        <translation>ဖြစ်စဉ်များ ရှာမည်…</translation>
    </message>
    <message>
        <source>Show all cases (clear filters)</source>
        <translation>ဖြစ်စဉ်အားလုံးကို ပြမည် (စစ်ထုတ်ချက်များ ရှင်းမည်)</translation>
    </message>
    <message>
        <source>Paste screenshot as evidence</source>
        <translation>မျက်နှာပြင်ပုံကို အထောက်အထားအဖြစ် ကူးထည့်မည်</translation>
    </message>
    <message>
        <source>Attach the image on the clipboard to the open case</source>
        <translation>ကူးယူထားသော ပုံကို ဖွင့်ထားသည့် ဖြစ်စဉ်တွင် ပူးတွဲမည်</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>ဖြစ်စဉ်အသစ်</translation>
    </message>
    <message>
        <source>Retract case…</source>
        <translation>ဖြစ်စဉ်ကို ပြန်ရုပ်သိမ်းမည်…</translation>
    </message>
    <message>
        <source>Retracted cases…</source>
        <translation>ပြန်ရုပ်သိမ်းထားသော ဖြစ်စဉ်များ…</translation>
    </message>
    <message>
        <source>The cases left out of the list, and a way to restore one</source>
        <translation>စာရင်းမှ ချန်ထားသော ဖြစ်စဉ်များနှင့် ၎င်းတို့ကို ပြန်ထားရန် နည်းလမ်း</translation>
    </message>
    <message>
        <source>Retract the selected report or response…</source>
        <translation>ရွေးထားသော တိုင်ကြားချက် သို့မဟုတ် တုံ့ပြန်ချက်ကို ပြန်ရုပ်သိမ်းမည်…</translation>
    </message>
    <message>
        <source>Restore the selected report or response…</source>
        <translation>ရွေးထားသော တိုင်ကြားချက် သို့မဟုတ် တုံ့ပြန်ချက်ကို ပြန်ထားမည်…</translation>
    </message>
    <message>
        <source>Edit the selected report or response…</source>
        <translation>ရွေးထားသော တိုင်ကြားချက် သို့မဟုတ် တုံ့ပြန်ချက်ကို ပြင်မည်…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ပြင်မည်…</translation>
    </message>
    <message>
        <source>Retract the selected attachment…</source>
        <translation>ရွေးထားသော ပူးတွဲဖိုင်ကို ပြန်ရုပ်သိမ်းမည်…</translation>
    </message>
    <message>
        <source>Restore the selected attachment…</source>
        <translation>ရွေးထားသော ပူးတွဲဖိုင်ကို ပြန်ထားမည်…</translation>
    </message>
    <message>
        <source>Purge the selected attachment…</source>
        <translation>ရွေးထားသော ပူးတွဲဖိုင်ကို အပြီးဖျက်မည်…</translation>
    </message>
    <message>
        <source>Retract case {0}</source>
        <translation>ဖြစ်စဉ် {0} ကို ပြန်ရုပ်သိမ်းမည်</translation>
    </message>
    <message>
        <source>Why is this case retracted? It leaves the list, the figures and every export; it stays in the store and can be restored.</source>
        <translation>ဤဖြစ်စဉ်ကို အဘယ်ကြောင့် ပြန်ရုပ်သိမ်းသနည်း။ ၎င်းသည် စာရင်း၊ ကိန်းဂဏန်းများနှင့် ထုတ်ယူမှုတိုင်းမှ ထွက်သွားမည်- သိုလှောင်ရာတွင် ဆက်ရှိနေပြီး ပြန်ထားနိုင်သည်။</translation>
    </message>
    <message>
        <source>Restore case {0}</source>
        <translation>ဖြစ်စဉ် {0} ကို ပြန်ထားမည်</translation>
    </message>
    <message>
        <source>Why is this case restored? It comes back to the list, the figures and the exports, with the reports, responses and files retracted with it.</source>
        <translation>ဤဖြစ်စဉ်ကို အဘယ်ကြောင့် ပြန်ထားသနည်း။ ၎င်းနှင့်အတူ ပြန်ရုပ်သိမ်းခဲ့သော တိုင်ကြားချက်များ၊ တုံ့ပြန်ချက်များနှင့် ဖိုင်များနှင့်အတူ စာရင်း၊ ကိန်းဂဏန်းများနှင့် ထုတ်ယူမှုများသို့ ပြန်ရောက်လာမည်။</translation>
    </message>
    <message>
        <source>Case {0} is restored.</source>
        <translation>ဖြစ်စဉ် {0} ကို ပြန်ထားပြီးပါပြီ။</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>ပြန်ထားမည်</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>ပြန်ရုပ်သိမ်းမည်</translation>
    </message>
    <message>
        <source>Why is it restored?</source>
        <translation>အဘယ်ကြောင့် ပြန်ထားသနည်း။</translation>
    </message>
    <message>
        <source>Why is it retracted? It is kept, struck through, and can be restored.</source>
        <translation>အဘယ်ကြောင့် ပြန်ရုပ်သိမ်းသနည်း။ ၎င်းကို မျဉ်းဖြတ်၍ ထိန်းထားမည်ဖြစ်ပြီး ပြန်ထားနိုင်သည်။</translation>
    </message>
    <message>
        <source>Restore attachment</source>
        <translation>ပူးတွဲဖိုင်ကို ပြန်ထားမည်</translation>
    </message>
    <message>
        <source>Retract attachment</source>
        <translation>ပူးတွဲဖိုင်ကို ပြန်ရုပ်သိမ်းမည်</translation>
    </message>
    <message>
        <source>Why is this file restored?</source>
        <translation>ဤဖိုင်ကို အဘယ်ကြောင့် ပြန်ထားသနည်း။</translation>
    </message>
    <message>
        <source>Why is this file retracted? It leaves exports and bundles; it stays in the store, struck through, and can be restored.</source>
        <translation>ဤဖိုင်ကို အဘယ်ကြောင့် ပြန်ရုပ်သိမ်းသနည်း။ ၎င်းသည် ထုတ်ယူမှုများနှင့် ဖိုင်ထုပ်များမှ ထွက်သွားမည်- သိုလှောင်ရာတွင် မျဉ်းဖြတ်၍ ဆက်ရှိနေပြီး ပြန်ထားနိုင်သည်။</translation>
    </message>
    <message>
        <source>Purge attachment</source>
        <translation>ပူးတွဲဖိုင်ကို အပြီးဖျက်မည်</translation>
    </message>
    <message>
        <source>The file&apos;s bytes are erased from the store.</source>
        <translation>ဖိုင်၏ အကြောင်းအရာကို သိုလှောင်ရာမှ အပြီးဖျက်လိုက်ပါပြီ။</translation>
    </message>
    <message numerus="yes">
        <source>Also erased %n older copy file(s) of the store kept from schema updates.</source>
        <translation>
            <numerusform>သိုလှောင်ရာကို အဆင့်မြှင့်ခဲ့စဉ်က သိမ်းထားခဲ့သော သိုလှောင်ရာ၏ မိတ္တူဟောင်း ဖိုင် %n ခုကိုလည်း ဖျက်ပစ်လိုက်ပါပြီ။</numerusform>
        </translation>
    </message>
    <message>
        <source>Your own backups are not touched: those made before now still hold it.</source>
        <translation>သင်ကိုယ်တိုင် ပြုလုပ်ထားသော အရန်မိတ္တူများကို မထိပါ- ယခုမတိုင်မီ ပြုလုပ်ထားသော အရန်မိတ္တူများတွင် ၎င်း ရှိနေဆဲ။</translation>
    </message>
    <message numerus="yes">
        <source>The file&apos;s bytes are erased from the store, but %n older copy file(s) of the store kept from schema updates could not be erased and still hold them. Delete them yourself, in {0}:</source>
        <translation>
            <numerusform>ဖိုင်၏ အကြောင်းအရာကို သိုလှောင်ရာမှ အပြီးဖျက်ပြီးပါပြီ၊ သို့သော် သိုလှောင်ရာကို အဆင့်မြှင့်ခဲ့စဉ်က သိမ်းထားခဲ့သော မိတ္တူဟောင်း ဖိုင် %n ခုကို ဖျက်၍ မရသဖြင့် ၎င်းတို့တွင် ထိုအကြောင်းအရာ ရှိနေဆဲ။ {0} ထဲမှ ၎င်းတို့ကို သင်ကိုယ်တိုင် ဖျက်ပါ-</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>လော့ခ်ဖွင့်နေသည်…</translation>
    </message>
    <message numerus="yes">
        <source>No backup in the last %n day(s): use File &gt; Back up store.</source>
        <translation>
            <numerusform>ပြီးခဲ့သော %n ရက်အတွင်း အရန်ကူးယူခြင်း မရှိပါ- ဖိုင် &gt; သိုလှောင်ရာကို အရန်ကူးယူမည် ကို သုံးပါ။</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>မသိမ်းရသေးသော ပြင်ဆင်ချက်များ</translation>
    </message>
    <message>
        <source>This case has changes that are not saved yet.</source>
        <translation>ဤဖြစ်စဉ်တွင် မသိမ်းရသေးသော ပြင်ဆင်ချက်များ ရှိသည်။</translation>
    </message>
    <message>
        <source>Unsaved changes kept</source>
        <translation>မသိမ်းရသေးသော ပြင်ဆင်ချက်များကို ထိန်းထားသည်</translation>
    </message>
    <message>
        <source>When the store locked at {0}, a case had changes that were not saved. They were kept, encrypted, in the store. Open them again?</source>
        <translation>{0} တွင် သိုလှောင်ရာ လော့ခ်ကျသွားချိန်၌ ဖြစ်စဉ်တစ်ခုတွင် မသိမ်းရသေးသော ပြင်ဆင်ချက်များ ရှိခဲ့သည်။ ၎င်းတို့ကို သိုလှောင်ရာထဲတွင် ကုဒ်ဝှက်၍ ထိန်းထားသည်။ ပြန်ဖွင့်မလား။</translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>စာရင်းဇယား ဖိုင် ထည့်သွင်းမည်…</translation>
    </message>
    <message>
        <source>New store…</source>
        <translation>သိုလှောင်ရာ အသစ်…</translation>
    </message>
    <message>
        <source>Open store…</source>
        <translation>သိုလှောင်ရာ ဖွင့်မည်…</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>Excel ဖိုင် ထုတ်ယူမည်…</translation>
    </message>
    <message>
        <source>Export evidence pack…</source>
        <translation>အထောက်အထားအစုံ ထုတ်ယူမည်…</translation>
    </message>
    <message>
        <source>Share with partner…</source>
        <translation>မိတ်ဖက်အဖွဲ့နှင့် မျှဝေမည်…</translation>
    </message>
    <message>
        <source>Import partner bundle…</source>
        <translation>မိတ်ဖက်အဖွဲ့၏ ဖိုင်ထုပ် ထည့်သွင်းမည်…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>ဆက်တင်များ…</translation>
    </message>
    <message>
        <source>Back up store…</source>
        <translation>သိုလှောင်ရာကို အရန်ကူးယူမည်…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ထွက်မည်</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>ဖြစ်စဉ်ကို သိမ်းမည်</translation>
    </message>
    <message>
        <source>Add report…</source>
        <translation>တိုင်ကြားချက် ထည့်မည်…</translation>
    </message>
    <message>
        <source>Add response to the selected report…</source>
        <translation>ရွေးထားသော တိုင်ကြားချက်သို့ တုံ့ပြန်ချက် ထည့်မည်…</translation>
    </message>
    <message>
        <source>Add evidence files…</source>
        <translation>အထောက်အထား ဖိုင်များ ထည့်မည်…</translation>
    </message>
    <message>
        <source>Open the response&apos;s screenshot</source>
        <translation>တုံ့ပြန်ချက်၏ မျက်နှာပြင်ပုံကို ဖွင့်မည်</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>ပြန်လည်ဖတ်မည်</translation>
    </message>
    <message>
        <source>About Caselog</source>
        <translation>Caselog အကြောင်း</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ဖိုင် (&amp;F)</translation>
    </message>
    <message>
        <source>Open a Caselog store</source>
        <translation>Caselog သိုလှောင်ရာ ဖွင့်မည်</translation>
    </message>
    <message>
        <source>Store not created</source>
        <translation>သိုလှောင်ရာ မဖန်တီးရသေးပါ</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>နမူနာ</translation>
    </message>
    <message>
        <source>Demo store: its passphrase is &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>နမူနာ သိုလှောင်ရာ- ၎င်း၏ စကားဝှက်မှာ &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>တည်းဖြတ် (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>ဖြစ်စဉ် (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>ကြည့်ရှု (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>အကူအညီ (&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>ပင်မ ကိရိယာဘား</translation>
    </message>
    <message>
        <source>Show the toolbar</source>
        <translation>ကိရိယာဘားကို ပြမည်</translation>
    </message>
    <message>
        <source>Verify evidence pack…</source>
        <translation>အထောက်အထားအစုံကို စိစစ်မည်…</translation>
    </message>
    <message>
        <source>Caselog keeps the cases of harmful posts, the reports made to platforms and their responses in one encrypted store on this computer.</source>
        <translation>Caselog သည် အန္တရာယ်ရှိသော ပို့စ်များ၏ ဖြစ်စဉ်များ၊ ပလက်ဖောင်းများသို့ ပြုလုပ်ခဲ့သော တိုင်ကြားချက်များနှင့် ၎င်းတို့၏ တုံ့ပြန်ချက်များကို ဤကွန်ပျူတာပေါ်ရှိ ကုဒ်ဝှက်ထားသော သိုလှောင်ရာတစ်ခုတည်းတွင် သိမ်းထားသည်။</translation>
    </message>
    <message>
        <source>Caselog store (*.db);;All files (*)</source>
        <translation>Caselog သိုလှောင်ရာ (*.db);;ဖိုင်အားလုံး (*)</translation>
    </message>
    <message>
        <source>Creating the demo store…</source>
        <translation>နမူနာ သိုလှောင်ရာကို ဖန်တီးနေသည်…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>စကားဝှက် မှားနေသည်။ ထပ်စမ်းကြည့်ပါ။</translation>
    </message>
    <message>
        <source>Back up to which folder or USB stick?</source>
        <translation>မည်သည့် ဖိုင်တွဲ သို့မဟုတ် USB သို့ အရန်ကူးယူမည်နည်း။</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>အရန်ကူးယူနေသည်…</translation>
    </message>
    <message>
        <source>Backed up to {0}. It is encrypted with the passphrase of today.</source>
        <translation>{0} သို့ အရန်ကူးယူပြီးပါပြီ။ ၎င်းကို ယနေ့ စကားဝှက်ဖြင့် ကုဒ်ဝှက်ထားသည်။</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>အရန်ကူးယူခြင်း မအောင်မြင်ပါ</translation>
    </message>
</context>
<context>
    <name>MigrationCopies</name>
    <message>
        <source>it is open, or was opened as a store, and may hold work of its own: close it first, and keep it if you need that work</source>
        <translation>၎င်းကို ဖွင့်ထားဆဲ ဖြစ်နိုင်သည် သို့မဟုတ် သိုလှောင်ရာအဖြစ် ဖွင့်ခဲ့ဖူးပြီး ၎င်း၏ကိုယ်ပိုင် လုပ်ငန်းများ ပါဝင်နိုင်သည်- ဦးစွာ ပိတ်ပါ၊ ထိုလုပ်ငန်းများ လိုအပ်ပါက ၎င်းကို ထားရှိပါ</translation>
    </message>
    <message>
        <source>it was changed after the update made it (opened as a store?) and may hold work of its own: keep it if you need that work</source>
        <translation>အဆင့်မြှင့်ခြင်းက ၎င်းကို ပြုလုပ်ပြီးနောက် ပြောင်းလဲခဲ့သည် (သိုလှောင်ရာအဖြစ် ဖွင့်ခဲ့သလား) ထို့ကြောင့် ၎င်း၏ကိုယ်ပိုင် လုပ်ငန်းများ ပါဝင်နိုင်သည်- ထိုလုပ်ငန်းများ လိုအပ်ပါက ၎င်းကို ထားရှိပါ</translation>
    </message>
    <message>
        <source>another name links to the same file (a hard link), so it was not touched: deleting this name leaves the other</source>
        <translation>အခြားအမည်တစ်ခုက တူညီသောဖိုင်သို့ ချိတ်ဆက်ထားသည် (hard link) ထို့ကြောင့် ၎င်းကို မထိခဲ့ပါ- ဤအမည်ကို ဖျက်လျှင် အခြားအမည်မှာ ကျန်ရှိနေမည်</translation>
    </message>
    <message>
        <source>it is the store itself under another name, so it was not touched: delete this name only</source>
        <translation>၎င်းသည် အခြားအမည်ဖြင့် သိုလှောင်ရာ ကိုယ်တိုင် ဖြစ်သည် ထို့ကြောင့် ၎င်းကို မထိခဲ့ပါ- ဤအမည်ကိုသာ ဖျက်ပါ</translation>
    </message>
</context>
<context>
    <name>NewStoreDialog</name>
    <message>
        <source>The passphrase is empty or only spaces.</source>
        <translation>စကားဝှက် ဗလာ ဖြစ်နေသည် သို့မဟုတ် နေရာလွတ်များသာ ပါသည်။</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {0} characters, ideally four or more words.</source>
        <translation>စကားဝှက် တိုလွန်းသည်- စာလုံး အနည်းဆုံး {0} လုံး သုံးပါ၊ စကားလုံး လေးလုံး သို့မဟုတ် ထို့ထက်ပိုလျှင် ပိုကောင်းသည်။</translation>
    </message>
    <message>
        <source>Create a new store</source>
        <translation>သိုလှောင်ရာ အသစ် ဖန်တီးမည်</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>ရွေးမည်…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Write the passphrase down and keep it safe.&lt;/b&gt; Everything in the store is encrypted with it. If it is lost, nobody can recover the store: there is no reset and no back door.</source>
        <translation>&lt;b&gt;စကားဝှက်ကို ချရေးပြီး လုံခြုံစွာ ထားပါ။&lt;/b&gt; သိုလှောင်ရာရှိ အရာအားလုံးကို ၎င်းဖြင့် ကုဒ်ဝှက်ထားသည်။ ပျောက်သွားပါက မည်သူမျှ သိုလှောင်ရာကို ပြန်ဖွင့်၍ မရပါ- ပြန်သတ်မှတ်ရန် နည်းလမ်း မရှိ၊ နောက်ဖေးပေါက် မရှိပါ။</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>အဖွဲ့အစည်း</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>အချိန်ဇုန်</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>သိုလှောင်ရာ ဖိုင်</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>ထပ်မံ ရိုက်ထည့်ပါ</translation>
    </message>
    <message>
        <source>Create store</source>
        <translation>သိုလှောင်ရာ ဖန်တီးမည်</translation>
    </message>
    <message>
        <source>New store file</source>
        <translation>သိုလှောင်ရာ ဖိုင်အသစ်</translation>
    </message>
    <message>
        <source>Too short: use at least 4 words or 16 characters.</source>
        <translation>တိုလွန်းသည်- စကားလုံး အနည်းဆုံး 4 လုံး သို့မဟုတ် စာလုံး 16 လုံး သုံးပါ။</translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation>အားနည်းသည်- စကားလုံး ထပ်ထည့်ပါ။</translation>
    </message>
    <message>
        <source>Fair: a longer passphrase of 4 or more words is safer.</source>
        <translation>သင့်တင့်သည်- စကားလုံး 4 လုံး သို့မဟုတ် ထို့ထက်ပိုသော စကားဝှက်ရှည်က ပိုလုံခြုံသည်။</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>ခိုင်မာသည်။</translation>
    </message>
    <message>
        <source>Choose where to keep the store file.</source>
        <translation>သိုလှောင်ရာ ဖိုင်ကို ထားမည့်နေရာ ရွေးပါ။</translation>
    </message>
    <message>
        <source>That file already exists; choose another name.</source>
        <translation>ထိုဖိုင် ရှိပြီးသား ဖြစ်သည်- အခြားအမည်တစ်ခု ရွေးပါ။</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, e.g. Asia/Yangon.</source>
        <translation>စာရင်းမှ အချိန်ဇုန်တစ်ခု ရွေးပါ၊ ဥပမာ Asia/Yangon။</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>စကားဝှက် နှစ်ခု မတူညီပါ။</translation>
    </message>
</context>
<context>
    <name>OffendersView</name>
    <message>
        <source>Flag selected account as suspected fake</source>
        <translation>ရွေးထားသော အကောင့်ကို အကောင့်အတု ဖြစ်နိုင်သည်ဟု မှတ်မည်</translation>
    </message>
    <message>
        <source>Show its cases</source>
        <translation>ဤအကောင့်၏ ဖြစ်စဉ်များကို ပြမည်</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>ပို့စ်များ</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>ပထမဆုံး တွေ့ရချိန်</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>စာသား</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>ဖြစ်စဉ်</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>ပလက်ဖောင်း</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>အကောင့်</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>အမည်</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>တိုင်ကြားချက်</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>ဖယ်ရှားပြီး</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>ယာယီပိတ်ခံရ</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>အပြီးပိတ်ခံရ</translation>
    </message>
    <message>
        <source>Still on the platform</source>
        <translation>ပလက်ဖောင်းပေါ်တွင် ရှိနေဆဲ</translation>
    </message>
    <message>
        <source>Suspected fake</source>
        <translation>အတု ဖြစ်နိုင်</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>ပို့စ်တင်သူ</translation>
    </message>
    <message>
        <source>First reported</source>
        <translation>ပထမဆုံး တိုင်ကြားချိန်</translation>
    </message>
    <message>
        <source>Text as posted</source>
        <translation>တင်ထားသည့်အတိုင်း စာသား</translation>
    </message>
    <message>
        <source>&lt;b&gt;Repeat offenders&lt;/b&gt; (accounts with at least the repeat threshold of distinct reported posts)</source>
        <translation>&lt;b&gt;ထပ်တလဲလဲ ကျူးလွန်သူများ&lt;/b&gt; (တိုင်ကြားခံရသော ပို့စ်အရေအတွက် သတ်မှတ်ချက်နှင့် ညီ သို့မဟုတ် ကျော်သော အကောင့်များ)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Duplicate posts&lt;/b&gt; (same text once punctuation, case and spacing are ignored)</source>
        <translation>&lt;b&gt;ထပ်နေသော ပို့စ်များ&lt;/b&gt; (သတ်ပုံ သင်္ကေတ၊ စာလုံးအကြီးအသေးနှင့် နေရာလွတ်များကို ချန်ထားလျှင် စာသားတူသည်)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>ရေတွက်နေသည်…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ဟုတ်</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>ပိတ်ပင်ခံရ</translation>
    </message>
    <message>
        <source>{0} repeat offenders, {1} duplicate clusters</source>
        <translation>ထပ်တလဲလဲ ကျူးလွန်သူ {0} ဦး၊ ထပ်နေသော အုပ်စု {1} စု</translation>
    </message>
    <message>
        <source>Why flag this account?</source>
        <translation>ဤအကောင့်ကို အဘယ်ကြောင့် မှတ်သားသနည်း။</translation>
    </message>
    <message>
        <source>You are flagging the account {0} as a suspected fake. Every case it posted shows it, and the custody log keeps your reason. Why is it flagged?</source>
        <translation>အကောင့် {0} ကို အကောင့်အတု ဖြစ်နိုင်သည်ဟု မှတ်သားနေသည်။ ၎င်းတင်ခဲ့သော ဖြစ်စဉ်အားလုံးတွင် ၎င်းကို မြင်ရမည်ဖြစ်ပြီး ထိန်းသိမ်းမှု မှတ်တမ်းတွင် သင်၏ အကြောင်းရင်းကို သိမ်းထားမည်။ အဘယ်ကြောင့် မှတ်သားသနည်း။</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>မမှတ်သားရသေးပါ</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <source>Partner</source>
        <translation>မိတ်ဖက်အဖွဲ့</translation>
    </message>
    <message>
        <source>Key fingerprint (compare on a call)</source>
        <translation>သော့လက်ဗွေ (ဖုန်းဖြင့် တိုက်စစ်ပါ)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>ထည့်သည့်ရက်</translation>
    </message>
    <message>
        <source>Last bundle sent</source>
        <translation>နောက်ဆုံး ဖိုင်ထုပ် ပို့သည့်ရက်</translation>
    </message>
    <message>
        <source>Save our partner card…</source>
        <translation>ကျွန်ုပ်တို့၏ မိတ်ဖက်ကတ်ကို သိမ်းမည်…</translation>
    </message>
    <message>
        <source>Add a partner from its card…</source>
        <translation>မိတ်ဖက်ကတ်မှ မိတ်ဖက်အဖွဲ့ ထည့်မည်…</translation>
    </message>
    <message>
        <source>Remove selected partner</source>
        <translation>ရွေးထားသော မိတ်ဖက်အဖွဲ့ကို ဖယ်ရှားမည်</translation>
    </message>
    <message>
        <source>&lt;b&gt;Our key fingerprint:&lt;/b&gt; {0}&lt;br&gt;Give partners our card and read this out to them on a call.</source>
        <translation>&lt;b&gt;ကျွန်ုပ်တို့၏ သော့လက်ဗွေ-&lt;/b&gt; {0}&lt;br&gt;မိတ်ဖက်အဖွဲ့များကို ကျွန်ုပ်တို့၏ ကတ်ပေးပြီး ဤလက်ဗွေကို ဖုန်းဖြင့် ဖတ်ပြပါ။</translation>
    </message>
    <message>
        <source>never</source>
        <translation>မရှိသေး</translation>
    </message>
    <message>
        <source>Partner card</source>
        <translation>မိတ်ဖက်ကတ်</translation>
    </message>
    <message>
        <source>Save our partner card</source>
        <translation>ကျွန်ုပ်တို့၏ မိတ်ဖက်ကတ်ကို သိမ်းမည်</translation>
    </message>
    <message>
        <source>Partner not added</source>
        <translation>မိတ်ဖက်အဖွဲ့ မထည့်ရသေးပါ</translation>
    </message>
    <message>
        <source>Not a partner card</source>
        <translation>မိတ်ဖက်ကတ် မဟုတ်ပါ</translation>
    </message>
    <message>
        <source>Check the fingerprint</source>
        <translation>လက်ဗွေကို စစ်ဆေးပါ</translation>
    </message>
    <message>
        <source>Call {0} and ask them to read their key fingerprint. Add them only if it is exactly:

{1}</source>
        <translation>{0} ကို ဖုန်းခေါ်ပြီး ၎င်းတို့၏ သော့လက်ဗွေကို ဖတ်ပြရန် တောင်းဆိုပါ။ ဤအတိုင်း အတိအကျ ဖြစ်မှသာ ထည့်ပါ-

{1}</translation>
    </message>
    <message>
        <source>Remove partner</source>
        <translation>မိတ်ဖက်အဖွဲ့ကို ဖယ်ရှားမည်</translation>
    </message>
    <message>
        <source>Remove {0}? Their bundles will be refused until they are added again.</source>
        <translation>{0} ကို ဖယ်ရှားမလား။ ပြန်မထည့်မချင်း ၎င်းတို့၏ ဖိုင်ထုပ်များကို ငြင်းပယ်မည်။</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge attachment</source>
        <translation>ပူးတွဲဖိုင်ကို အပြီးဖျက်မည်</translation>
    </message>
    <message>
        <source>&lt;b&gt;A purge cannot be undone.&lt;/b&gt; The bytes of “{0}” are erased from the store and cannot be restored; only its SHA-256, size, name and your reason stay in the custody log. Backups you made before now still hold it; the older copies Caselog kept beside the store from schema updates are erased too. To hide it and keep it, retract it instead.</source>
        <translation>&lt;b&gt;အပြီးဖျက်ခြင်းကို ပြန်ပြင်၍ မရပါ။&lt;/b&gt; “{0}” ၏ အကြောင်းအရာကို သိုလှောင်ရာမှ ဖျက်ပစ်မည်ဖြစ်ပြီး ပြန်ယူ၍ မရပါ- ၎င်း၏ SHA-256၊ အရွယ်အစား၊ အမည်နှင့် သင်၏ အကြောင်းရင်းသာ ထိန်းသိမ်းမှု မှတ်တမ်းတွင် ကျန်မည်။ ယခုမတိုင်မီ သင်ပြုလုပ်ထားသော အရန်မိတ္တူများတွင် ၎င်း ရှိနေဆဲ၊ သိုလှောင်ရာကို အဆင့်မြှင့်ခဲ့စဉ်က Caselog က သိုလှောင်ရာဘေးတွင် သိမ်းထားခဲ့သော မိတ္တူဟောင်းများကိုမူ ဖျက်ပစ်မည်။ ဝှက်ထားပြီး ထိန်းထားလိုလျှင် အပြီးဖျက်မည့်အစား ပြန်ရုပ်သိမ်းပါ။</translation>
    </message>
    <message>
        <source>Why is it purged? (kept in the custody log)</source>
        <translation>အဘယ်ကြောင့် အပြီးဖျက်သနည်း။ (ထိန်းသိမ်းမှု မှတ်တမ်းတွင် သိမ်းထားမည်)</translation>
    </message>
    <message>
        <source>I understand the file cannot be brought back</source>
        <translation>ဖိုင်ကို ပြန်ယူ၍ မရနိုင်ကြောင်း နားလည်ပါသည်</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>အပြီးဖျက်မည်</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>အကြောင်းရင်း</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>အားလုံး ရွေးမည် (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>တိုးမည် (&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>လျှော့မည် (&amp;D)</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>အိုကေ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
ဖိုင်တွဲ ရှာမတွေ့ပါ။
ဖိုင်တွဲအမည် မှန်ကန်ကြောင်း စစ်ဆေးပါ။</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
ဖိုင် ရှာမတွေ့ပါ။
ဖိုင်အမည် မှန်ကန်ကြောင်း စစ်ဆေးပါ။</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ရှိပြီးသား ဖြစ်သည်။
အစားထိုးလိုပါသလား။</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; ကို ရေးခွင့် ပိတ်ထားသည်။
မည်သို့ပင်ဖြစ်စေ ဖျက်လိုပါသလား။</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>&apos;%1&apos; ကို ဖျက်မည်မှာ သေချာပါသလား။</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>ဖိုင်တွဲကို ဖျက်၍ မရပါ။</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>ရွေးမည် (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ဖျက်မည် (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>ကြည့်ရှုရာ (&amp;L)-</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ဖိုင်တွဲအသစ် (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>ဖွင့်မည် (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>အမည်ပြောင်းမည် (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ဖိုင်အားလုံး (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ဖိုင်အားလုံး (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>နောက်သို့</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>အသေးစိတ်ပုံစံဖြင့် ကြည့်မည်</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>စာရင်းပုံစံဖြင့် ကြည့်မည်</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>ဖိုင်တွဲအသစ် ဖန်တီးမည်</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>ဖိုင်တွဲအသစ် ဖန်တီးမည်</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ဖျက်မည်</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>အသေးစိတ် ကြည့်ရန်</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ဖိုင်တွဲများ</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>ဖိုင်တွဲ-</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ဖိုင်အမည် (&amp;N)-</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ဖိုင်များ</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ဖိုင်အမျိုးအစား (&amp;T)-</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>ဖိုင်တွဲ ရှာမည်</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ရှေ့သို့</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>နောက်သို့ ပြန်သွားမည်</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>ရှေ့သို့ သွားမည်</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>အထက်ဖိုင်တွဲသို့ သွားမည်</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>စာရင်း ကြည့်ရန်</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>နေရာများနှင့် မှတ်သားထားသည်များ စာရင်း</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>ဖိုင်တွဲအသစ်</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>ဖွင့်မည်</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>အထက်ဖိုင်တွဲ</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>မကြာမီက နေရာများ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ဖယ်ရှားမည်</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>အမည်ပေး၍ သိမ်းမည်</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>ဝှက်ထားသော ဖိုင်များကို ပြမည် (&amp;H)</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>ဘေးဘား</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>ကွန်ပျူတာ</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>ပြင်ဆင်သည့်ရက်</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>အမျိုးအစား</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>ကျွန်ုပ်၏ ကွန်ပျူတာ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>အမည်</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>အရွယ်အစား</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>အမျိုးအစား</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>အိုကေ (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>ပယ်ဖျက်မည် (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ပိတ်မည် (&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>မသိမ်းဘဲ ပိတ်မည်</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>တန်ဖိုး ရိုက်ထည့်ပါ-</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>နောက်ပြန်ပြင်မည် (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ပြန်လုပ်မည် (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ဖြတ်ယူမည် (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ကူးယူမည် (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>ကူးထည့်မည် (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ဖျက်မည်</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>အားလုံး ရွေးမည်</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>အသေးစိတ် ပြမည်...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>အသေးစိတ် ဖျောက်မည်...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>အိုကေ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>သိမ်းမည်</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>အားလုံး သိမ်းမည်</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>ဖွင့်မည်</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ဟုတ်ကဲ့ (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>အားလုံးကို ဟုတ်ကဲ့ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>မဟုတ်ပါ (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>အားလုံးကို မဟုတ်ပါ (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>ရပ်တန့်မည်</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ထပ်မံကြိုးစားမည်</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>လျစ်လျူရှုမည်</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ပိတ်မည်</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ပယ်ဖျက်မည်</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>စွန့်ပစ်မည်</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>အကူအညီ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>အသုံးပြုမည်</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>ပြန်သတ်မှတ်မည်</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ပုံသေအတိုင်း ပြန်ထားမည်</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>ပယ်ဖျက်မည်</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>ဘယ်သို့ ရွှေ့မည်</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>ညာသို့ ရွှေ့မည်</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>နောက်ပြန်ပြင်မည် (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ပြန်လုပ်မည် (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ဖြတ်ယူမည် (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ကူးယူမည် (&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>လင့်ခ်လိပ်စာ ကူးယူမည် (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>ကူးထည့်မည် (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ဖျက်မည်</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>အားလုံး ရွေးမည်</translation>
    </message>
</context>
<context>
    <name>RedactionChoice</name>
    <message>
        <source>Remove before writing (redaction)</source>
        <translation>မရေးမီ ဖယ်ထုတ်မည့် အချက်များ</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Now</source>
        <translation>ယခု</translation>
    </message>
    <message>
        <source>Give the date and time, e.g. 2024-03-05 14:30.</source>
        <translation>ရက်စွဲနှင့် အချိန်ကို ပေးပါ၊ ဥပမာ 2024-03-05 14:30။</translation>
    </message>
    <message>
        <source>Cannot read this time: {0}</source>
        <translation>ဤအချိန်ကို ဖတ်၍ မရပါ- {0}</translation>
    </message>
    <message>
        <source>This time is out of range: {0}</source>
        <translation>ဤအချိန်သည် လက်ခံနိုင်သော ကာလ ပြင်ပတွင် ရှိသည်- {0}</translation>
    </message>
    <message>
        <source>Why is it corrected? (kept in the custody log)</source>
        <translation>အဘယ်ကြောင့် ပြင်ဆင်သနည်း။ (ထိန်းသိမ်းမှု မှတ်တမ်းတွင် သိမ်းထားမည်)</translation>
    </message>
    <message>
        <source>Give the reason for this correction.</source>
        <translation>ဤပြင်ဆင်ချက်၏ အကြောင်းရင်းကို ပေးပါ။</translation>
    </message>
    <message>
        <source>Add a report</source>
        <translation>တိုင်ကြားချက် ထည့်မည်</translation>
    </message>
    <message>
        <source>Edit report</source>
        <translation>တိုင်ကြားချက်ကို ပြင်မည်</translation>
    </message>
    <message>
        <source>Reported at ({0})</source>
        <translation>တိုင်ကြားချိန် ({0})</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>တိုင်ကြားသည့် လမ်းကြောင်း</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>တိုင်ကြားသူ</translation>
    </message>
    <message>
        <source>Platform reference</source>
        <translation>ပလက်ဖောင်း၏ ရည်ညွှန်းနံပါတ်</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>မှတ်စုများ</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>မှတ်တမ်း မရှိ</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>ပြင်ဆင်ရသည့် အကြောင်းရင်း</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Add the platform&apos;s response</source>
        <translation>ပလက်ဖောင်း၏ တုံ့ပြန်ချက် ထည့်မည်</translation>
    </message>
    <message>
        <source>Edit the platform&apos;s response</source>
        <translation>ပလက်ဖောင်း၏ တုံ့ပြန်ချက်ကို ပြင်မည်</translation>
    </message>
    <message>
        <source>— choose the outcome —</source>
        <translation>— ရလဒ်ကို ရွေးပါ —</translation>
    </message>
    <message>
        <source> (final)</source>
        <translation> (နောက်ဆုံး)</translation>
    </message>
    <message>
        <source>The platform&apos;s wording, pasted as received</source>
        <translation>ပလက်ဖောင်း၏ စကားလုံးများ၊ လက်ခံရရှိသည့်အတိုင်း ကူးထည့်ပါ</translation>
    </message>
    <message>
        <source>No screenshot attached</source>
        <translation>မျက်နှာပြင်ပုံ မပူးတွဲရသေးပါ</translation>
    </message>
    <message>
        <source>Attach screenshot of the email or notice…</source>
        <translation>အီးမေးလ် သို့မဟုတ် အသိပေးချက်၏ မျက်နှာပြင်ပုံကို ပူးတွဲမည်…</translation>
    </message>
    <message>
        <source>Received at ({0})</source>
        <translation>လက်ခံရရှိချိန် ({0})</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ရလဒ်</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>စာသား</translation>
    </message>
    <message>
        <source>Platform reference</source>
        <translation>ပလက်ဖောင်း၏ ရည်ညွှန်းနံပါတ်</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>အထောက်အထား</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>ပြင်ဆင်ရသည့် အကြောင်းရင်း</translation>
    </message>
    <message>
        <source>Report made {0}</source>
        <translation>တိုင်ကြားချိန် {0}</translation>
    </message>
    <message>
        <source>Screenshot of the response</source>
        <translation>တုံ့ပြန်ချက်၏ မျက်နှာပြင်ပုံ</translation>
    </message>
    <message>
        <source>Choose what the platform decided.</source>
        <translation>ပလက်ဖောင်းက ဆုံးဖြတ်ခဲ့သည့်အရာကို ရွေးပါ။</translation>
    </message>
    <message>
        <source>The response cannot come before the report ({0}).</source>
        <translation>တုံ့ပြန်ချက်သည် တိုင်ကြားချက် ({0}) မတိုင်မီ ဖြစ်၍ မရပါ။</translation>
    </message>
</context>
<context>
    <name>RetractedCasesDialog</name>
    <message>
        <source>Retracted cases</source>
        <translation>ပြန်ရုပ်သိမ်းထားသော ဖြစ်စဉ်များ</translation>
    </message>
    <message>
        <source>These cases were retracted: they are left out of the case list, the figures and every export, and kept in the store with their reports, responses and files. Restore one to bring it back with all of them.</source>
        <translation>ဤဖြစ်စဉ်များကို ပြန်ရုပ်သိမ်းထားသည်- ဖြစ်စဉ်စာရင်း၊ ကိန်းဂဏန်းများနှင့် ထုတ်ယူမှုတိုင်းမှ ချန်ထားပြီး ၎င်းတို့၏ တိုင်ကြားချက်များ၊ တုံ့ပြန်ချက်များနှင့် ဖိုင်များနှင့်အတူ သိုလှောင်ရာတွင် ထိန်းထားသည်။ ၎င်းတို့အားလုံးနှင့်အတူ ပြန်ယူရန် တစ်ခုကို ပြန်ထားပါ။</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>ဖြစ်စဉ်</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>ပလက်ဖောင်း</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>ပို့စ်တင်သူ</translation>
    </message>
    <message>
        <source>Retracted at</source>
        <translation>ပြန်ရုပ်သိမ်းချိန်</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>အကြောင်းရင်း</translation>
    </message>
    <message>
        <source>No case is retracted.</source>
        <translation>ပြန်ရုပ်သိမ်းထားသော ဖြစ်စဉ် မရှိပါ။</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>ပြန်ထားမည်…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>ဆက်တင်များ</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> နာရီ</translation>
    </message>
    <message>
        <source>never</source>
        <translation>လော့ခ်မချ</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> မိနစ်</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ရက်</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>အဖွဲ့အစည်း</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>အချိန်ဇုန်</translation>
    </message>
    <message>
        <source>Target time to a final decision (SLA)</source>
        <translation>နောက်ဆုံး ဆုံးဖြတ်ချက်အတွက် ပစ်မှတ်ကြာချိန် (SLA)</translation>
    </message>
    <message>
        <source>Repeat offender: distinct reported posts</source>
        <translation>ထပ်တလဲလဲ ကျူးလွန်သူ- တိုင်ကြားခံရသော ပို့စ် အရေအတွက်</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>အသုံးမပြုဘဲ ဤမျှကြာလျှင် လော့ခ်ချမည်</translation>
    </message>
    <message>
        <source>Remind me to back up after</source>
        <translation>ဤမျှကြာလျှင် အရန်ကူးယူရန် သတိပေးမည်</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>မျက်နှာပြင် ဘာသာစကား</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>လက်မှတ်ထိုးသော့၏ လက်ဗွေ</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>စကားဝှက် ပြောင်းမည်</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>လက်ရှိ စကားဝှက်</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>စကားဝှက် အသစ်</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>ထပ်မံ ရိုက်ထည့်ပါ</translation>
    </message>
    <message>
        <source>The new language is saved. Every window shows it after Caselog starts again. Restart Caselog now?</source>
        <translation>ဘာသာစကားအသစ်ကို သိမ်းပြီးပါပြီ။ Caselog ကို ပြန်စပြီးနောက် ဝင်းဒိုးတိုင်းတွင် ၎င်းကို ပြမည်။ Caselog ကို ယခု ပြန်စမည်လား။</translation>
    </message>
    <message>
        <source>Nothing typed is lost: Caselog first asks about unsaved changes.</source>
        <translation>ရိုက်ထားသည်များ မပျောက်ပါ- မသိမ်းရသေးသော ပြင်ဆင်ချက်များအကြောင်း Caselog က ဦးစွာ မေးမည်။</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>ယခု ပြန်စမည်</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>နောက်မှ</translation>
    </message>
    <message>
        <source>The current passphrase is not right: nothing was changed.</source>
        <translation>လက်ရှိ စကားဝှက် မမှန်ပါ- ဘာမျှ မပြောင်းလဲရသေးပါ။</translation>
    </message>
    <message numerus="yes">
        <source>Also erased %n older copy file(s) of the store kept from schema updates, which opened with the old passphrase.</source>
        <translation>
            <numerusform>စကားဝှက်ဟောင်းဖြင့် ဖွင့်နိုင်သော၊ သိုလှောင်ရာကို အဆင့်မြှင့်ခဲ့စဉ်က သိမ်းထားခဲ့သည့် သိုလှောင်ရာ၏ မိတ္တူဟောင်း ဖိုင် %n ခုကိုလည်း ဖျက်ပစ်လိုက်ပါပြီ။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>But %n older copy file(s) of the store kept from schema updates could not be erased and still open with the old passphrase. Delete them yourself, in {0}:</source>
        <translation>
            <numerusform>သို့သော် သိုလှောင်ရာကို အဆင့်မြှင့်ခဲ့စဉ်က သိမ်းထားခဲ့သော မိတ္တူဟောင်း ဖိုင် %n ခုကို ဖျက်၍ မရသဖြင့် ၎င်းတို့ကို စကားဝှက်ဟောင်းဖြင့် ဖွင့်နိုင်နေဆဲ။ {0} ထဲမှ ၎င်းတို့ကို သင်ကိုယ်တိုင် ဖျက်ပါ-</numerusform>
        </translation>
    </message>
    <message>
        <source>another task or program was writing to the store</source>
        <translation>အခြားလုပ်ငန်း သို့မဟုတ် ပရိုဂရမ်တစ်ခုက သိုလှောင်ရာထဲသို့ ရေးသားနေခဲ့သည်</translation>
    </message>
    <message>
        <source>But the custody log could not record the change ({0}). The passphrase IS changed all the same: the new one opens the store and the old one no longer does. There is nothing to redo.</source>
        <translation>သို့သော် ထိန်းသိမ်းမှု မှတ်တမ်းတွင် ဤပြောင်းလဲမှုကို မှတ်တမ်းတင်၍ မရခဲ့ပါ ({0})။ သို့ရာတွင် စကားဝှက်ကို ပြောင်းပြီး ဖြစ်သည်- စကားဝှက်အသစ်ဖြင့် သိုလှောင်ရာကို ဖွင့်နိုင်ပြီး စကားဝှက်ဟောင်းဖြင့် မဖွင့်နိုင်တော့ပါ။ ထပ်မံ ပြုလုပ်ရန် မလိုပါ။</translation>
    </message>
    <message>
        <source>Replace the keys too?</source>
        <translation>သော့များကိုပါ အစားထိုးမလား။</translation>
    </message>
    <message>
        <source>If the old passphrase may be known to someone else, replace the signing key and the key partners encrypt bundles to as well.</source>
        <translation>စကားဝှက်ဟောင်းကို အခြားသူ သိနိုင်ပါက လက်မှတ်ထိုးသော့နှင့် မိတ်ဖက်အဖွဲ့များ ဖိုင်ထုပ် ကုဒ်ဝှက်ရာတွင် သုံးသော သော့ကိုပါ အစားထိုးပါ။</translation>
    </message>
    <message>
        <source>A backup made before now still opens with the old passphrase and holds the old keys: whoever has it can read the cases in it and open bundles partners sent to the old key, and could sign as you until your partners have moved to the new key. They move when they import your next bundle, which carries a notice signed by the old key; from then on they refuse bundles signed by the old key. An old backup cannot open bundles made for the new key.</source>
        <translation>ယခုမတိုင်မီ ပြုလုပ်ထားသော အရန်မိတ္တူကို စကားဝှက်ဟောင်းဖြင့် ဖွင့်နိုင်ဆဲ ဖြစ်ပြီး သော့ဟောင်းများ ပါဝင်သည်- ၎င်းကို ရရှိထားသူသည် ၎င်းထဲရှိ ဖြစ်စဉ်များကို ဖတ်နိုင်၊ မိတ်ဖက်အဖွဲ့များက သော့ဟောင်းသို့ ပို့ထားသော ဖိုင်ထုပ်များကို ဖွင့်နိုင်ပြီး သင့်မိတ်ဖက်အဖွဲ့များ သော့အသစ်သို့ မပြောင်းမချင်း သင့်အမည်ဖြင့် လက်မှတ်ထိုးနိုင်သည်။ ၎င်းတို့သည် သော့ဟောင်းဖြင့် လက်မှတ်ထိုးထားသော အသိပေးချက်ပါသည့် သင်၏ နောက်ဖိုင်ထုပ်ကို ထည့်သွင်းသည့်အခါ ပြောင်းမည်- ထိုအချိန်မှစ၍ သော့ဟောင်းဖြင့် လက်မှတ်ထိုးထားသော ဖိုင်ထုပ်များကို ငြင်းပယ်မည်။ အရန်မိတ္တူဟောင်းသည် သော့အသစ်အတွက် ပြုလုပ်ထားသော ဖိုင်ထုပ်များကို ဖွင့်၍ မရပါ။</translation>
    </message>
    <message>
        <source>Replace the keys</source>
        <translation>သော့များကို အစားထိုးမည်</translation>
    </message>
    <message>
        <source>Keep the keys</source>
        <translation>သော့များကို ဆက်ထားမည်</translation>
    </message>
    <message>
        <source>The keys were replaced: the new signing key fingerprint is {0} (the old one, {1}, is retired). Read the new fingerprint to your partners.</source>
        <translation>သော့များကို အစားထိုးပြီးပါပြီ- လက်မှတ်ထိုးသော့အသစ်၏ လက်ဗွေမှာ {0} (ဟောင်း {1} ကို အသုံးမပြုတော့ပါ)။ လက်ဗွေအသစ်ကို သင့်မိတ်ဖက်အဖွဲ့များထံ ဖတ်ပြပါ။</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>စကားဝှက် နှစ်ခု မတူညီပါ။</translation>
    </message>
    <message>
        <source>Done: the store is now encrypted with the new passphrase, and it was checked that it opens with it. Older backups keep the old passphrase: they still open with it, so keep them as safe as before or make a new backup.</source>
        <translation>ပြီးပါပြီ- သိုလှောင်ရာကို စကားဝှက်အသစ်ဖြင့် ကုဒ်ဝှက်ပြီး ၎င်းဖြင့် ဖွင့်၍ရကြောင်း စစ်ဆေးပြီးပါပြီ။ ယခင် အရန်မိတ္တူများတွင် စကားဝှက်ဟောင်း ရှိနေဆဲဖြစ်ပြီး ၎င်းဖြင့် ဖွင့်နိုင်သေးသည်- ထို့ကြောင့် ၎င်းတို့ကို ယခင်ကအတိုင်း လုံခြုံစွာ ထားပါ သို့မဟုတ် အရန်ကူးယူမှု အသစ် ပြုလုပ်ပါ။</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Write bundle</source>
        <translation>ဖိုင်ထုပ် ရေးမည်</translation>
    </message>
    <message>
        <source>Share with a partner</source>
        <translation>မိတ်ဖက်အဖွဲ့နှင့် မျှဝေမည်</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>ရွေးမည်…</translation>
    </message>
    <message>
        <source>Or lock it with a bundle passphrase instead</source>
        <translation>သို့မဟုတ် ဖိုင်ထုပ် စကားဝှက်ဖြင့် လော့ခ်ချမည်</translation>
    </message>
    <message>
        <source>Everything new since the last bundle to the (one) chosen partner</source>
        <translation>ရွေးထားသော မိတ်ဖက်အဖွဲ့ (တစ်ဖွဲ့) ထံ နောက်ဆုံးဖိုင်ထုပ် ပို့ပြီးနောက် အသစ်ဖြစ်သမျှ</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>သိမ်းမည့်ဖိုင်</translation>
    </message>
    <message>
        <source>For</source>
        <translation>လက်ခံမည့်သူ</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>ဖိုင်ထုပ် စကားဝှက်</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>ဖြစ်စဉ်များ</translation>
    </message>
    <message>
        <source>Choose at least one partner, or a bundle passphrase.</source>
        <translation>မိတ်ဖက်အဖွဲ့ အနည်းဆုံး တစ်ဖွဲ့ သို့မဟုတ် ဖိုင်ထုပ် စကားဝှက် ရွေးပါ။</translation>
    </message>
    <message>
        <source>There are no cases to share in this choice.</source>
        <translation>ဤရွေးချယ်မှုတွင် မျှဝေရန် ဖြစ်စဉ် မရှိပါ။</translation>
    </message>
    <message>
        <source>&apos;Since the last bundle&apos; needs exactly one partner.</source>
        <translation>&apos;နောက်ဆုံးဖိုင်ထုပ် ပို့ပြီးနောက်&apos; အတွက် မိတ်ဖက်အဖွဲ့ တစ်ဖွဲ့တည်း လိုအပ်သည်။</translation>
    </message>
    <message>
        <source>Cancelled: no bundle was written.</source>
        <translation>ပယ်ဖျက်လိုက်သည်- ဖိုင်ထုပ် မရေးရသေးပါ။</translation>
    </message>
    <message>
        <source>Bundle written to {0} ({1}). Only the chosen partners (or the passphrase) can open it.</source>
        <translation>ဖိုင်ထုပ်ကို {0} သို့ ရေးပြီးပါပြီ ({1})။ ရွေးထားသော မိတ်ဖက်အဖွဲ့များ (သို့မဟုတ် စကားဝှက်ရှိသူ) သာ ဖွင့်နိုင်သည်။</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>&lt;h1&gt;Caselog&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Caselog&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Log harmful posts, your reports to the platforms and their responses, in a store encrypted on this computer. Nothing is sent anywhere.</source>
        <translation>အန္တရာယ်ရှိသော ပို့စ်များ၊ ပလက်ဖောင်းများသို့ သင်၏ တိုင်ကြားချက်များနှင့် ၎င်းတို့၏ တုံ့ပြန်ချက်များကို ဤကွန်ပျူတာပေါ်ရှိ ကုဒ်ဝှက်ထားသော သိုလှောင်ရာတွင် မှတ်တမ်းတင်ပါ။ မည်သည့်နေရာသို့မျှ ပေးပို့ခြင်း မရှိပါ။</translation>
    </message>
    <message>
        <source>Create a new store…</source>
        <translation>သိုလှောင်ရာ အသစ် ဖန်တီးမည်…</translation>
    </message>
    <message>
        <source>Open an existing store…</source>
        <translation>ရှိပြီးသား သိုလှောင်ရာကို ဖွင့်မည်…</translation>
    </message>
    <message>
        <source>Try the demo store</source>
        <translation>နမူနာ သိုလှောင်ရာကို စမ်းကြည့်မည်</translation>
    </message>
    <message>
        <source>The demo holds sample cases only. Its passphrase is: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>နမူနာတွင် စမ်းသပ်ဖြစ်စဉ်များသာ ပါဝင်သည်။ ၎င်း၏ စကားဝှက်မှာ- &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>&lt;h2&gt;Unlock your store&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;သင်၏ သိုလှောင်ရာကို လော့ခ်ဖွင့်ပါ&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>လော့ခ်ဖွင့်မည်</translation>
    </message>
    <message>
        <source>Open or create another store…</source>
        <translation>အခြား သိုလှောင်ရာကို ဖွင့်မည် သို့မဟုတ် ဖန်တီးမည်…</translation>
    </message>
    <message>
        <source>Type the passphrase of this store.</source>
        <translation>ဤသိုလှောင်ရာ၏ စကားဝှက်ကို ရိုက်ထည့်ပါ။</translation>
    </message>
</context>
<context>
    <name>VerifyPackDialog</name>
    <message>
        <source>Verify</source>
        <translation>စိစစ်မည်</translation>
    </message>
    <message>
        <source>Verify evidence pack</source>
        <translation>အထောက်အထားအစုံကို စိစစ်မည်</translation>
    </message>
    <message>
        <source>The pack&apos;s .zip file or its unpacked folder</source>
        <translation>အစုံ၏ .zip ဖိုင် သို့မဟုတ် ဖြည်ထားသော ဖိုင်တွဲ</translation>
    </message>
    <message>
        <source>Choose ZIP file…</source>
        <translation>ZIP ဖိုင် ရွေးမည်…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>ဖိုင်တွဲ ရွေးမည်…</translation>
    </message>
    <message>
        <source>Optional: the fingerprint the organisation gave you</source>
        <translation>ထည့်လိုမှ ထည့်ပါ- အဖွဲ့အစည်းက သင့်ကို ပေးထားသော လက်ဗွေ</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>မစစ်ရသေးပါ။</translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation>အစုံ-</translation>
    </message>
    <message>
        <source>Expected fingerprint:</source>
        <translation>မျှော်လင့်ထားသော လက်ဗွေ-</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>လက်မှတ်ထိုးသူ-</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>လက်မှတ်ထိုးသူ၏ သော့-</translation>
    </message>
    <message>
        <source>Evidence pack (*.zip)</source>
        <translation>အထောက်အထားအစုံ (*.zip)</translation>
    </message>
    <message>
        <source>Checking every file, the signature and the custody chain…</source>
        <translation>ဖိုင်တိုင်း၊ လက်မှတ်နှင့် ထိန်းသိမ်းမှု မှတ်တမ်းကွင်းဆက်ကို စစ်ဆေးနေသည်…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>ပယ်ဖျက်လိုက်သည်။</translation>
    </message>
    <message>
        <source>This could not be checked: {0}</source>
        <translation>ဤအစုံကို စစ်ဆေး၍ မရပါ- {0}</translation>
    </message>
    <message>
        <source>(no readable key)</source>
        <translation>(ဖတ်၍ရသော သော့ မပါ)</translation>
    </message>
    <message numerus="yes">
        <source>NOT intact: %n problem(s) found. Do not rely on this pack.</source>
        <translation>
            <numerusform>ပြည့်စုံမှန်ကန်မှု မရှိပါ- ပြဿနာ %n ခု တွေ့ရှိသည်။ ဤအစုံကို အားမကိုးပါနှင့်။</numerusform>
        </translation>
    </message>
    <message>
        <source>Intact, as far as it can be checked: {0}. Pack {1}, made {2} by {3} (as the pack says), {4} cases.</source>
        <translation>စစ်ဆေးနိုင်သလောက် ပြည့်စုံမှန်ကန်သည်- {0}။ အစုံ {1}၊ {2} တွင် {3} က ပြုလုပ်သည် (အစုံတွင် ဖော်ပြထားသည့်အတိုင်း)၊ ဖြစ်စဉ် {4} ခု။</translation>
    </message>
    <message numerus="yes">
        <source>Intact: every file matches the manifest, the signature is valid and the custody chain links up. Pack {0}, made {1} by {2} (as the pack says), %n case(s).</source>
        <translation>
            <numerusform>ပြည့်စုံမှန်ကန်သည်- ဖိုင်တိုင်းသည် ပါဝင်မှုစာရင်းနှင့် ကိုက်ညီပြီး လက်မှတ် မှန်ကန်ကာ ထိန်းသိမ်းမှု မှတ်တမ်းကွင်းဆက် ဆက်စပ်နေသည်။ အစုံ {0}၊ {1} တွင် {2} က ပြုလုပ်သည် (အစုံတွင် ဖော်ပြထားသည့်အတိုင်း)၊ ဖြစ်စဉ် %n ခု။</numerusform>
        </translation>
    </message>
    <message>
        <source>an older pack (format 1, from before the BagIt layout): its files, signature and signer were checked, but its custody chain cannot be checked (the pack carries the chosen cases&apos; events without the links between them)</source>
        <translation>ပုံစံဟောင်း အစုံ (format 1၊ BagIt မတိုင်မီ)- ၎င်း၏ ဖိုင်များ၊ လက်မှတ်နှင့် လက်မှတ်ထိုးသူကို စစ်ဆေးပြီးသော်လည်း ထိန်းသိမ်းမှု မှတ်တမ်းကွင်းဆက်ကို စစ်ဆေး၍ မရပါ (အစုံတွင် ရွေးထားသော ဖြစ်စဉ်များ၏ ဖြစ်ရပ်များသာ ပါပြီး ၎င်းတို့ကြား ချိတ်ဆက်မှု မပါပါ)</translation>
    </message>
    <message>
        <source>{0} (this store&apos;s own key)</source>
        <translation>{0} (ဤသိုလှောင်ရာ၏ ကိုယ်ပိုင်သော့)</translation>
    </message>
    <message>
        <source>partner {0}</source>
        <translation>မိတ်ဖက်အဖွဲ့ {0}</translation>
    </message>
    <message>
        <source>The key you expected.</source>
        <translation>သင် မျှော်လင့်ထားသော သော့ ဖြစ်သည်။</translation>
    </message>
    <message>
        <source>Known: {0}.</source>
        <translation>သိထားသော သော့- {0}။</translation>
    </message>
    <message>
        <source>UNKNOWN: neither this store&apos;s own key nor any partner&apos;s. Anyone can make a key.</source>
        <translation>မသိသော သော့- ဤသိုလှောင်ရာ၏ ကိုယ်ပိုင်သော့လည်း မဟုတ်၊ မည်သည့် မိတ်ဖက်အဖွဲ့၏ သော့လည်း မဟုတ်ပါ။ မည်သူမဆို သော့ ပြုလုပ်နိုင်သည်။</translation>
    </message>
    <message>
        <source>Not checked against known keys (no store is open). Compare the fingerprint with one you got another way: a call you place, or the organisation&apos;s own website. Never with one printed inside the pack.</source>
        <translation>သိထားသော သော့များနှင့် မတိုက်စစ်ရသေးပါ (သိုလှောင်ရာ မဖွင့်ထားပါ)။ လက်ဗွေကို အခြားနည်းဖြင့် ရရှိထားသော လက်ဗွေနှင့် နှိုင်းယှဉ်ပါ- သင်ကိုယ်တိုင် ခေါ်ဆိုသော ဖုန်း သို့မဟုတ် အဖွဲ့အစည်း၏ ကိုယ်ပိုင် ဝဘ်ဆိုက်။ အစုံထဲတွင် ရိုက်နှိပ်ထားသော လက်ဗွေနှင့် ဘယ်တော့မှ မနှိုင်းယှဉ်ပါနှင့်။</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Pending</source>
        <translation>စောင့်ဆိုင်းဆဲ</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>လက်ခံရရှိကြောင်း အကြောင်းပြန်ပြီး</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>စစ်ဆေးဆဲ</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>ဖယ်ရှားပြီး</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>ကန့်သတ်ထားသည်</translation>
    </message>
    <message>
        <source>Account suspended</source>
        <translation>အကောင့် ယာယီပိတ်ထားသည်</translation>
    </message>
    <message>
        <source>Account banned</source>
        <translation>အကောင့် အပြီးပိတ်ထားသည်</translation>
    </message>
    <message>
        <source>No violation found</source>
        <translation>စည်းမျဉ်း ချိုးဖောက်မှု မတွေ့ဟု ဆိုသည်</translation>
    </message>
    <message>
        <source>Hate speech</source>
        <translation>အမုန်းစကား</translation>
    </message>
    <message>
        <source>Incitement to violence</source>
        <translation>အကြမ်းဖက်မှုကို လှုံ့ဆော်ခြင်း</translation>
    </message>
    <message>
        <source>Misinformation</source>
        <translation>သတင်းမှား</translation>
    </message>
    <message>
        <source>Harassment</source>
        <translation>နှောင့်ယှက်ခြင်း</translation>
    </message>
    <message>
        <source>Fake account</source>
        <translation>အကောင့်အတု</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>အခြား</translation>
    </message>
    <message>
        <source>In the app</source>
        <translation>အက်ပ်ထဲမှ</translation>
    </message>
    <message>
        <source>Trusted-partner channel</source>
        <translation>ယုံကြည်ရသော မိတ်ဖက် လမ်းကြောင်း</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>အီးမေးလ်</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>ဝဘ်ဖောင်</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} ရက်</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} နာရီ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ဖန်တီးသည်</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>အပ်ဒိတ်လုပ်သည်</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>ဖျက်သည်</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>ထည့်သွင်းသည်</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>စကားဝှက် ပြောင်းသည်</translation>
    </message>
    <message>
        <source>Store upgraded</source>
        <translation>သိုလှောင်ရာကို အဆင့်မြှင့်သည်</translation>
    </message>
    <message>
        <source>Bundle made</source>
        <translation>ဖိုင်ထုပ် ပြုလုပ်သည်</translation>
    </message>
    <message>
        <source>Merge conflict</source>
        <translation>ပေါင်းထည့်ရာတွင် ကွဲလွဲချက်</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>ပြင်ဆင်သည်</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>ပြန်ရုပ်သိမ်းသည်</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>ပြန်ထားသည်</translation>
    </message>
    <message>
        <source>File erased</source>
        <translation>ဖိုင်ကို အပြီးဖျက်သည်</translation>
    </message>
    <message>
        <source>Store unlocked</source>
        <translation>သိုလှောင်ရာကို လော့ခ်ဖွင့်သည်</translation>
    </message>
    <message>
        <source>Store locked</source>
        <translation>သိုလှောင်ရာကို လော့ခ်ချသည်</translation>
    </message>
    <message>
        <source>Partner: %1</source>
        <translation>မိတ်ဖက်အဖွဲ့- %1</translation>
    </message>
    <message>
        <source>Reporters: who made each report</source>
        <translation>တိုင်ကြားသူများ- တိုင်ကြားချက်တစ်ခုစီကို မည်သူ တိုင်ကြားခဲ့သည်</translation>
    </message>
    <message>
        <source>Notes: researchers&apos; notes on posts, reports, responses and attachments</source>
        <translation>မှတ်စုများ- ပို့စ်၊ တိုင်ကြားချက်၊ တုံ့ပြန်ချက်နှင့် ပူးတွဲဖိုင်များအပေါ် သုတေသီများ၏ မှတ်စုများ</translation>
    </message>
    <message>
        <source>Researchers: their names (who captured evidence, who acted in the custody log)</source>
        <translation>သုတေသီများ- ၎င်းတို့၏ အမည်များ (အထောက်အထား စုဆောင်းသူ၊ ထိန်းသိမ်းမှု မှတ်တမ်းတွင် ဆောင်ရွက်သူ)</translation>
    </message>
    <message>
        <source>Response text: the platform&apos;s wording of its decisions</source>
        <translation>တုံ့ပြန်ချက် စာသား- ပလက်ဖောင်းက ၎င်း၏ ဆုံးဖြတ်ချက်များကို ရေးသားထားသည့် စကားလုံးများ</translation>
    </message>
    <message>
        <source>Authors: account handles and display names</source>
        <translation>ပို့စ်တင်သူများ- အကောင့်၏ @ အမည်နှင့် ပြသသည့် အမည်များ</translation>
    </message>
    <message>
        <source>%n account(s)</source>
        <translation>အကောင့် %n ခု</translation>
    </message>
    <message>
        <source>%n post(s)</source>
        <translation>ပို့စ် %n ခု</translation>
    </message>
    <message>
        <source>%n tag(s)</source>
        <translation>တက်ဂ် %n ခု</translation>
    </message>
    <message>
        <source>%n tag link(s)</source>
        <translation>တက်ဂ် ချိတ်ဆက်မှု %n ခု</translation>
    </message>
    <message>
        <source>%n report(s)</source>
        <translation>တိုင်ကြားချက် %n ခု</translation>
    </message>
    <message>
        <source>%n response(s)</source>
        <translation>တုံ့ပြန်ချက် %n ခု</translation>
    </message>
    <message>
        <source>%n attachment(s)</source>
        <translation>ပူးတွဲဖိုင် %n ခု</translation>
    </message>
    <message>
        <source>%n custody log event(s)</source>
        <translation>ထိန်းသိမ်းမှု မှတ်တမ်း ဖြစ်ရပ် %n ခု</translation>
    </message>
    <message>
        <source>%n retraction(s)</source>
        <translation>ပြန်ရုပ်သိမ်းမှု %n ခု</translation>
    </message>
    <message>
        <source>&lt; 24 h</source>
        <translation>&lt; 24 နာရီ</translation>
    </message>
    <message>
        <source>24–48 h</source>
        <translation>24–48 နာရီ</translation>
    </message>
    <message>
        <source>2–7 days</source>
        <translation>2–7 ရက်</translation>
    </message>
    <message>
        <source>7–30 days</source>
        <translation>7–30 ရက်</translation>
    </message>
    <message>
        <source>&gt; 30 days</source>
        <translation>&gt; 30 ရက်</translation>
    </message>
    <message>
        <source>post</source>
        <translation>ပို့စ်</translation>
    </message>
    <message>
        <source>account</source>
        <translation>အကောင့်</translation>
    </message>
    <message>
        <source>report</source>
        <translation>တိုင်ကြားချက်</translation>
    </message>
    <message>
        <source>response</source>
        <translation>တုံ့ပြန်ချက်</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>ပူးတွဲဖိုင်</translation>
    </message>
    <message>
        <source>imported file</source>
        <translation>ထည့်သွင်းသော ဖိုင်</translation>
    </message>
    <message>
        <source>store</source>
        <translation>သိုလှောင်ရာ</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>ဆက်တင်များ</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>အဖွဲ့အစည်း</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>လက်မှတ်ထိုးသော့</translation>
    </message>
    <message>
        <source>bundle key</source>
        <translation>ဖိုင်ထုပ် ကုဒ်ဖြေသော့</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>မိတ်ဖက်အဖွဲ့</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>ဖိုင်ထုပ်</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Something went wrong:</source>
        <translation>တစ်ခုခု မှားယွင်းသွားသည်-</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <source>Close</source>
        <translation>ပိတ်မည်</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>ပယ်ဖျက်လိုက်သည်။</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ပယ်ဖျက်မည်</translation>
    </message>
</context>
</TS>
