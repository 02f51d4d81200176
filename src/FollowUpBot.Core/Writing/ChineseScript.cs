using System.Collections.Frozen;

namespace FollowUpBot.Writing;

/// <summary>
/// Traditional Chinese read as simplified: one map, one char for one char, of the traditional forms that meeting texts
/// and progress replies use (會議, 負責, 牽頭, 請…辦理, 縣, 區, 鎮; 處理, 進行, 維修, 預計, 將於, 申請, 無法, 暫停, 恢復, 驗收,
/// 啟用, 竣工…), so the extractor's and the reply parser's simplified rules read text written in Hong Kong or Taiwan while
/// every offset into the mapped text is the same offset into the text as written. Only characters that are not also
/// ordinary simplified characters are mapped, so a simplified text comes back unchanged. The extractor maps whole texts
/// (<see cref="ToSimplified(string)"/>); the reply parser maps each char as it folds a reply (<see cref="ToSimplified(char)"/>).
/// </summary>
internal static class ChineseScript
{
    private const string Traditional = ""
        + "與專業東兩嚴個為爲舉麼義鄉書產從們價會傳體關興軍農決準則創別製辦務動勞區醫華協單廳壓參縣發變號員響團園圍國場堅塊聲處備復"
        + "複頭實審對導將盡屆屬帶幹並慶應開當徵態總戰執報擬揮據構時顯條極標樹樣檢樓氣匯彙溝點環現電監確積種稱篩籌簽籤簡類紀綱線綫練"
        + "組細織經結繞給統繼續綜編網罰職聯節範規計訂認讓訓議記設評試該誤說請諾調謀負財責賬帳貧資踐達過運還這進適選針銀鎮長門間聞隊"
        + "階難項順須領館驗頂庫問題後裡裏幾於雲臺檯颱歷曆衛習樂億僅眾優傷儲蘭衝況劉劇勢廠葉嗎啟啓聖壞墾壇夠奮婦孫寧寶憲賓尋歲島幣師"
        + "廣莊廢異棄張彈歸錄徹憶憂懷懸懲戲戶擴掃揚擾撫護擔擁擇掛損換攝攤擊敵數鬥斷無舊晝晉術機殺權雜來楊槍櫃欄橋夢歡毀畢漢湯沒滬澤"
        + "潔淺測濟瀏漲潤漸溫灣滿濫滅災煉煙熱愛牽狀獨豬瓊畫劃暢療蓋盤礦碼磚礎禮禍離穩窮競筆籠築糧緊糾紅約級納縱紙紋終紹綁繪絡絕績緒"
        + "維綠緩緣繳羅肅勝腦腳艦藝蘇榮藥獲營蕭藍補裝觀視覽覺討訊講許論訪證識訴診詞譯誠話詢詳語諸讀課誰談諧謂謝謠謹貝貢敗貨質販貪購"
        + "貫貼貴貸費賀賠賽贊趙趕趨躍軌轉輪軟輕載較輔輛轄邊遷遠違連遲遞邏郵鄰鄭釋鐘鍾鋼錢鐵鋪鏈銷鎖鋒錯鍵閉閒閘鬧閱陽陰際陸陳險隨隱"
        + "霧韓頁顧預頻頒顏額風飛飯飲驅駛驟魚鳥雞黃齊龍礙滯擱爭週萬檔係繫餘黨學濕麗齡鬆髮隻麵麪佈僱迴託捨夥沖祕衆証纔盪燈爐獎稅緝縮"
        + "撥鹽靈蠶讚鑑鑒廬蘆壩攔襲繩飼慣誌硃懇墜鄧劍廁圖隸贏蔣釐濱灘瀝漁汙滷鹵鹼籃牆粵賴鄒閩贛隴遼瀋嶺蘋饒糰慮鑄瀕擠擋攜攬斂暫曉棧"
        + "櫻殘殼氫漿潰濁瀉熾燒燦爛犧獅瑪甕癒瘡皺盞睜矯碩禦稈穀窯竄篤糞緯縫繡繽罈羨聳膠臉艙莖薦蝦蠻衊襯襪覦訃訐詐詠誇誕誘諒謊譜豐豎"
        + "賈賢賣賤賦賭贈贓贖跡蹤軒輝輩輸輿轎辭遜遙遺醞醬釀鈔鈕鉛鉤銅銘鋁錦錨鍋鎊鏡鑰鑽閃閣闊闡雙雛雖靜韌頌頓頗頸顆願顛飄飽餃餅饑駐"
        + "駕騎騙驕驚髒魯鮮鯨鴨鴻鵝鶴麥黴齒見"
        + "強層臨車馬聽內鞏銜幫饋絲撐崗側併圓獻債儘倉儀償冊凍勵勸廈搶獄脫訟貿賑遊錶閥養呂鳳馮鹹濤貞舖賡"
        + "滲涼駁繕龜狹兒闢寬橫壘鑿徑傑柵廟噸減吳宮茲採佔騰纜樑塗虧廚簾塵淨濬澇漬剝傾鏽銹蝕衞羣偽僞頹竊輻滙紓罷凱彎灑鏟濾礫巖擲搖撈";

    private const string Simplified = ""
        + "与专业东两严个为为举么义乡书产从们价会传体关兴军农决准则创别制办务动劳区医华协单厅压参县发变号员响团园围国场坚块声处备复"
        + "复头实审对导将尽届属带干并庆应开当征态总战执报拟挥据构时显条极标树样检楼气汇汇沟点环现电监确积种称筛筹签签简类纪纲线线练"
        + "组细织经结绕给统继续综编网罚职联节范规计订认让训议记设评试该误说请诺调谋负财责账帐贫资践达过运还这进适选针银镇长门间闻队"
        + "阶难项顺须领馆验顶库问题后里里几于云台台台历历卫习乐亿仅众优伤储兰冲况刘剧势厂叶吗启启圣坏垦坛够奋妇孙宁宝宪宾寻岁岛币师"
        + "广庄废异弃张弹归录彻忆忧怀悬惩戏户扩扫扬扰抚护担拥择挂损换摄摊击敌数斗断无旧昼晋术机杀权杂来杨枪柜栏桥梦欢毁毕汉汤没沪泽"
        + "洁浅测济浏涨润渐温湾满滥灭灾炼烟热爱牵状独猪琼画划畅疗盖盘矿码砖础礼祸离稳穷竞笔笼筑粮紧纠红约级纳纵纸纹终绍绑绘络绝绩绪"
        + "维绿缓缘缴罗肃胜脑脚舰艺苏荣药获营萧蓝补装观视览觉讨讯讲许论访证识诉诊词译诚话询详语诸读课谁谈谐谓谢谣谨贝贡败货质贩贪购"
        + "贯贴贵贷费贺赔赛赞赵赶趋跃轨转轮软轻载较辅辆辖边迁远违连迟递逻邮邻郑释钟钟钢钱铁铺链销锁锋错键闭闲闸闹阅阳阴际陆陈险随隐"
        + "雾韩页顾预频颁颜额风飞饭饮驱驶骤鱼鸟鸡黄齐龙碍滞搁争周万档系系余党学湿丽龄松发只面面布雇回托舍伙冲秘众证才荡灯炉奖税缉缩"
        + "拨盐灵蚕赞鉴鉴庐芦坝拦袭绳饲惯志朱恳坠邓剑厕图隶赢蒋厘滨滩沥渔污卤卤碱篮墙粤赖邹闽赣陇辽沈岭苹饶团虑铸濒挤挡携揽敛暂晓栈"
        + "樱残壳氢浆溃浊泻炽烧灿烂牺狮玛瓮愈疮皱盏睁矫硕御秆谷窑窜笃粪纬缝绣缤坛羡耸胶脸舱茎荐虾蛮蔑衬袜觎讣讦诈咏夸诞诱谅谎谱丰竖"
        + "贾贤卖贱赋赌赠赃赎迹踪轩辉辈输舆轿辞逊遥遗酝酱酿钞钮铅钩铜铭铝锦锚锅镑镜钥钻闪阁阔阐双雏虽静韧颂顿颇颈颗愿颠飘饱饺饼饥驻"
        + "驾骑骗骄惊脏鲁鲜鲸鸭鸿鹅鹤麦霉齿见"
        + "强层临车马听内巩衔帮馈丝撑岗侧并圆献债尽仓仪偿册冻励劝厦抢狱脱讼贸赈游表阀养吕凤冯咸涛贞铺赓"
        + "渗凉驳缮龟狭儿辟宽横垒凿径杰栅庙吨减吴宫兹采占腾缆梁涂亏厨帘尘净浚涝渍剥倾锈锈蚀卫群伪伪颓窃辐汇纾罢凯弯洒铲滤砾岩掷摇捞";

    private static readonly FrozenDictionary<char, char> Map = Build();

    /// <summary>The text with traditional characters replaced by their simplified forms; the same instance when it has none.</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (ToSimplified(text[i]) != text[i])
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(span);
            for (var i = from; i < source.Length; i++)
            {
                span[i] = ToSimplified(source[i]);
            }
        });
    }

    /// <summary>The simplified form of one traditional character; any other character as it is.</summary>
    public static char ToSimplified(char c) => c >= '\u3400' && Map.TryGetValue(c, out var simplified) ? simplified : c;

    private static FrozenDictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>(Traditional.Length);
        for (var i = 0; i < Traditional.Length; i++)
        {
            map[Traditional[i]] = Simplified[i];
        }

        return map.ToFrozenDictionary();
    }
}
