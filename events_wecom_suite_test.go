package wechatevent

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// suiteEnv is the suite part of a push as WeCom sends it.
func suiteEnv(suiteID, authCorpID, infoType string, sent int64) SuiteEnvelope {
	return SuiteEnvelope{SuiteID: suiteID, AuthCorpID: authCorpID, InfoType: infoType, TimeStamp: ts(sent)}
}

func device(sn, service string) DeviceEnvelope {
	return DeviceEnvelope{DeviceSn: sn, ServiceCorpID: service}
}

// suitePushSamples are the fixtures under testdata/wecom of the suite's own
// pushes: WeCom's doc samples (named after the InfoType; SKIT's copies,
// byte order marks and odd spacing included) and variants with the quirks
// (named InfoType.variant).
var suitePushSamples = []catalogCase{
	{file: "wecom/suite_ticket.xml", want: &SuiteTicketEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0fxxxx", "", "suite_ticket", 1403610513),
		SuiteTicket: "asdfasfdasdfasdf"}},
	// No CDATA, CRLF, the key in capitals, a padded number, an empty AgentID.
	{file: "wecom/suite_ticket.plain.xml", want: &SuiteTicketEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0f4c", "", "SUITE_TICKET", 1403610513),
		SuiteTicket: "t-1_Ab+/="}},
	{file: "wecom/create_auth.xml", want: &CreateAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe9xxx4c0f4c", "", "create_auth", 1403610513),
		AuthCode: "AUTHCODE", State: "123"}},
	{file: "wecom/create_auth.no_state.xml", want: &CreateAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0f4c", "", "create_auth", 1403610513),
		AuthCode: "AUTHCODE"}},
	{file: "wecom/change_auth.xml", want: &ChangeAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99exxx0f4c", "wxf8b4f85f3a794e77", "change_auth", 1403610513)}},
	{file: "wecom/change_auth.open_kf.xml", want: &ChangeAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0f4c", "wxf8b4f85f3a794e77", "change_auth", 1403610513),
		State: "abc", OpenKfIDs: []string{"wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw", "wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyAAA"}}},
	{file: "wecom/cancel_auth.xml", want: &CancelAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54cxxxx", "wxf8b4f85fxx794xxx", "cancel_auth", 1403610513)}},
	{file: "wecom/reset_permanent_code.xml", want: &ResetPermanentCodeEvent{SuiteEnvelope: suiteEnv("dk4asffe9xxx4c0f4c", "", "reset_permanent_code", 1403610513),
		AuthCode: "AUTHCODE"}},
	// As other projects' docs show it: the corp named, no AuthCode.
	{file: "wecom/reset_permanent_code.auth_corp.xml", want: &ResetPermanentCodeEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0f4c", "wxf8b4f85f3a794e77", "reset_permanent_code", 1403610513)}},
	{file: "wecom/register_corp.xml", want: &RegisterCorpEvent{SuiteEnvelope: suiteEnv("", "wwddddccc7775555aaa", "register_corp", 1502682173),
		ServiceCorpID: "wwddddccc7775555aab", RegisterCode: "pIKi3wRPNWCGF-pyP-YU5KWjDDD", AccessToken: "accesstoken000001", ExpiresIn: 1800,
		UserID: "zhangshan", State: "state1", TemplateID: "tpl1test"}},
	{file: "wecom/enter_register_package.xml", want: &EnterRegisterPackageEvent{SuiteEnvelope: suiteEnv("", "wwddddccc7775555aaa", "enter_register_package", 1671632600),
		ServiceCorpID: "wwddddccc7775555aab", UserID: "zhangshan", RegisterCode: "pIKi3wRPNWCGF-YU5KWjD", State: "state1", TemplateID: "tpl1test"}},
	{file: "wecom/open_order.xml", want: &OpenOrderEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0aaa", "", "open_order", 1403610513),
		PaidCorpID: "wxf8b4f85f3a794aaa", OrderID: "ORDERID", OperatorID: "OPERATORID"}},
	{file: "wecom/change_order.xml", want: &ChangeOrderEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0aaa", "", "change_order", 1403610513),
		PaidCorpID: "wxf8b4f85f3a794aaa", OldOrderID: "ORDERID", NewOrderID: "ORDERID"}},
	{file: "wecom/pay_for_app_success.xml", want: &PayForAppSuccessEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0aaa", "", "pay_for_app_success", 1403610513),
		PaidCorpID: "wxf8b4f85f3a794aaa", OrderID: "ORDERID"}},
	{file: "wecom/refund.xml", want: &RefundEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0aaa", "", "refund", 1403610513),
		PaidCorpID: "wxf8b4f85f3a794aaa", OrderID: "ORDERID"}},
	{file: "wecom/change_editon.xml", want: &ChangeEditionEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0aaa", "", "change_editon", 1403610513),
		PaidCorpID: "wxf8b4f85f3a794aaa"}},
	{file: "wecom/license_pay_success.xml", want: &LicensePaySuccessEvent{SuiteEnvelope: suiteEnv("", "yyyy", "license_pay_success", 1403610513),
		ServiceCorpID: "xxxx", OrderID: "zzzz", BuyerUserID: "USERID"}},
	{file: "wecom/license_refund.xml", want: &LicenseRefundEvent{SuiteEnvelope: suiteEnv("", "yyyy", "license_refund", 1403610513),
		ServiceCorpID: "xxxx", OrderID: "zzzz", OrderStatus: 1}},
	{file: "wecom/auto_activate.xml", want: &AutoActivateEvent{SuiteEnvelope: suiteEnv("", "bbbb", "auto_activate", 1403610513),
		ServiceCorpID: "aaaa", Scene: 1, AccountList: []ActivatedAccount{{ActiveCode: "XXXX", Type: 1, ExpireTime: ts(1700000000),
			UserID: "USERID", PreviousStatus: 1, PreviousActiveCode: "YYYY"}}}},
	// Two <AccountList> siblings, the second without CDATA and with an
	// empty ExpireTime, the first without the optional elements.
	{file: "wecom/auto_activate.accounts.xml", want: &AutoActivateEvent{SuiteEnvelope: suiteEnv("", "wwcorp", "auto_activate", 1403610513),
		ServiceCorpID: "wwservice", Scene: 2, AccountList: []ActivatedAccount{
			{ActiveCode: "CODE1", Type: 1, ExpireTime: ts(1700000000), UserID: "zhangsan"},
			{ActiveCode: "CODE2", Type: 2, UserID: "lisi", PreviousStatus: 3, PreviousActiveCode: "CODE0"}}}},
	{file: "wecom/approve_special_auth.xml", want: &ApproveSpecialAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0f4c", "wxf8b4f85f3a794e77", "approve_special_auth", 1403610513),
		AuthType: "customer_acquisition"}},
	{file: "wecom/cancel_special_auth.xml", want: &CancelSpecialAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0f4c", "wxf8b4f85f3a794e77", "cancel_special_auth", 1403610513),
		AuthType: "customer_acquisition"}},
	{file: "wecom/corp_arch_auth.xml", want: &CorpArchAuthEvent{SuiteEnvelope: suiteEnv("ww4asffe99e54c0fxxxx", "wxf8b4f85f3a79xxxx", "corp_arch_auth", 1403610513)}},
	{file: "wecom/agree_external_userid_migration.xml", want: &AgreeExternalUserIDMigrationEvent{SuiteEnvelope: suiteEnv("", "xxxx", "agree_external_userid_migration", 1403610513),
		ServiceCorpID: "xxxx"}},
	{file: "wecom/advanced_api_expired.xml", want: &AdvancedAPIExpiredEvent{SuiteEnvelope: suiteEnv("", "yyyy", "advanced_api_expired", 1403610513),
		ServiceCorpID: "xxxx", AdvanceAPIType: 1, Edition: 2}},
	{file: "wecom/advanced_api_trial_expired.xml", want: &AdvancedAPITrialExpiredEvent{SuiteEnvelope: suiteEnv("", "yyyy", "advanced_api_trial_expired", 1403610513),
		ServiceCorpID: "xxxx", AdvanceAPIType: 1}},
	{file: "wecom/chat_archive_audit_approved_single.xml", want: &ChatArchiveAuditApprovedSingleEvent{SuiteEnvelope: suiteEnv("xxxx", "yyyy", "chat_archive_audit_approved_single", 1403610513),
		OpenUserID: "xxxx", ExternalUserID: "xxxx", ChatID: "xxxx"}},
	{file: "wecom/chat_archive_export_finished.xml", want: &ChatArchiveExportFinishedEvent{SuiteEnvelope: suiteEnv("xxxx", "yyyy", "chat_archive_export_finished", 1403610513),
		JobID: "zzzzzzz"}},
	{file: "wecom/conversation_new_message.xml", want: &ConversationNewMessageEvent{SuiteEnvelope: suiteEnv("xxxx", "yyyy", "conversation_new_message", 1403610513),
		Token: "zzzzzzzzzzz"}},
	{file: "wecom/hit_keyword.xml", want: &HitKeywordEvent{SuiteEnvelope: suiteEnv("xxxx", "yyyy", "hit_keyword", 1403610513), Token: "zzzzzzz"}},
	{file: "wecom/add_device.xml", want: &AddDeviceEvent{SuiteEnvelope: suiteEnv("", "xxxx", "add_device", 1403610513),
		DeviceEnvelope: device("xxxx", "xxxx"), RemarkName: "测试名称", ModelID: "MODEL"}},
	{file: "wecom/del_device.xml", want: &DelDeviceEvent{SuiteEnvelope: suiteEnv("", "xxxx", "del_device", 1403610513), DeviceEnvelope: device("xxxx", "xxxx")}},
	{file: "wecom/connect_info.xml", want: &ConnectInfoEvent{SuiteEnvelope: suiteEnv("", "xxxx", "connect_info", 1548074765),
		DeviceEnvelope: device("testsn", "xxxx"), ConnectTime: ts(1352460633)}},
	{file: "wecom/disconnect_info.xml", want: &DisconnectInfoEvent{SuiteEnvelope: suiteEnv("", "xxxx", "disconnect_info", 1548074765),
		DeviceEnvelope: device("testsn", "xxxx"), DisconnectTime: ts(1452460633), Reason: 1}},
	{file: "wecom/device_feature_change.xml", want: &DeviceFeatureChangeEvent{SuiteEnvelope: suiteEnv("", "wxxxxx", "device_feature_change", 1568032757),
		DeviceEnvelope: device("SN", "wxxxxx")}},
	{file: "wecom/error_report.xml", want: &ErrorReportEvent{SuiteEnvelope: suiteEnv("", "", "error_report", 1403610513),
		DeviceEnvelope: device("xxxx", "xxxx"), ErrMsg: "ok"}},
	{file: "wecom/fetch_log_finish.xml", want: &FetchLogFinishEvent{SuiteEnvelope: suiteEnv("", "", "fetch_log_finish", 1548074765),
		DeviceEnvelope: device("testsn", "xxxx"), MediaID: "testmediaid"}},
	{file: "wecom/remark_device_name.xml", want: &RemarkDeviceNameEvent{SuiteEnvelope: suiteEnv("", "xxxx", "remark_device_name", 1403610513),
		DeviceEnvelope: device("xxxx", "xxxx"), RemarkName: "TIT-B4 401投影"}},
	{file: "wecom/device_data_auth_change.xml", want: &DeviceDataAuthChangeEvent{Envelope: Envelope{AgentID: 1000001},
		SuiteEnvelope: suiteEnv("ww4asffe99e54cxxxx", "wxf8b4f85f3a79xxxx", "device_data_auth_change", 1403610513)}},
	{file: "wecom/device_data_auth_change.empty_agent.xml", want: &DeviceDataAuthChangeEvent{
		SuiteEnvelope: suiteEnv("ww4asffe99e54cxxxx", "wxf8b4f85f3a79xxxx", "device_data_auth_change", 1403610513)}},
}

// suitePushJSONSamples are suite pushes in their JSON form.
var suitePushJSONSamples = []catalogCase{
	// The same push in JSON, as SKIT also has it, TimeStamp a JSON number.
	{file: "wecom/agree_external_userid_migration.json", want: &AgreeExternalUserIDMigrationEvent{SuiteEnvelope: suiteEnv("", "xxxx", "agree_external_userid_migration", 1403610513),
		ServiceCorpID: "xxxx"}},
}

func TestSuitePushSamples(t *testing.T) {
	runCatalog(t, suitePushSamples)
	runCatalog(t, suitePushJSONSamples)
}

// TestSuitePushFixturesAllListed checks the suite push tables against the
// fixture files: every row names a fixture that exists under testdata/wecom
// and is of a registered suite push, no file has two rows, and every suite
// push has its doc sample, the file named after its InfoType. A fixture
// needs no row: TestFixtures checks the dispatch and every field of every
// fixture, so a new push takes its registration and its fixture, and a row
// here is an optional deeper check of hand-written values. The direction is
// the one that cannot go stale: a row whose file was renamed or removed
// fails here by name.
func TestSuitePushFixturesAllListed(t *testing.T) {
	exists := wecomFixtureNames(t)
	keys := map[string]bool{}
	for _, b := range suitePushes {
		keys[b.key] = true
		assert.Truef(t, exists[b.key+".xml"], "suite push %s has no doc sample %s.xml under testdata/wecom", b.key, b.key)
	}
	rows := append(append([]catalogCase{}, suitePushSamples...), suitePushJSONSamples...)
	checkWeComRows(t, rows, exists, keys, "a registered suite push")
}

// TestSuitePushesAreSuccessAnswered: the Handler answers every suite push
// with exactly "success" when there is no reply, as WeCom requires of a
// 指令回调.
func TestSuitePushesAreSuccessAnswered(t *testing.T) {
	for _, tc := range suitePushSamples {
		if strings.HasSuffix(tc.file, ".json") {
			continue
		}
		body, err := os.ReadFile(fixturePath(tc.file))
		require.NoError(t, err)
		h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testSuiteID))
		target, env := wecomPost(t, testSuiteID, string(body), "1403610513", "1372623149")
		w := serve(h, "POST", target, env)
		assert.Equal(t, 200, w.Code, "%s: %v", tc.file, rec.logged)
		assert.Equal(t, "success", w.Body.String(), tc.file)
		require.Equal(t, 1, rec.calls)
		assert.IsType(t, tc.want, rec.last, tc.file)
	}
}
