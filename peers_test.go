package wechatevent

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bodies in testdata/peers come from the test suites of other WeChat
// libraries (testdata/peers/SOURCES.md names the repository, path and commit
// of each). They were written by people who did not write this package, so
// they check its types against other readings of WeChat's documents and
// captures: a case fails when Parse picks another type or reads a field
// differently from what the sample says.

// peerCase is one sample and what Parse must make of it.
type peerCase struct {
	file  string // under testdata/peers
	check func(t *testing.T, ev Event)
}

// peerAs asserts that ev is a *T and returns it.
func peerAs[T any](t *testing.T, ev Event) *T {
	t.Helper()
	v, ok := any(ev).(*T)
	require.Truef(t, ok, "got %T, want %T", ev, v)
	return v
}

// unixAt asserts that got is the instant of the UNIX seconds want.
func unixAt(t *testing.T, want int64, got time.Time, what string) {
	t.Helper()
	assert.Equalf(t, want, got.Unix(), "%s: %s", what, got)
}

// peerEnv asserts the envelope fields every pushed event carries.
func peerEnv(t *testing.T, e *Envelope, to, from string, created int64, event string) {
	t.Helper()
	assert.Equal(t, to, e.ToUserName, "ToUserName")
	assert.Equal(t, from, e.FromUserName, "FromUserName")
	unixAt(t, created, e.CreateTime, "CreateTime")
	assert.Equal(t, "event", e.MsgType, "MsgType")
	assert.Equal(t, event, e.Event, "Event")
}

// peerSuite asserts the suite fields of an InfoType push.
func peerSuite(t *testing.T, s SuiteEnvelope, suiteID, authCorpID, infoType string, stamp int64) {
	t.Helper()
	assert.Equal(t, suiteID, s.SuiteID, "SuiteID")
	assert.Equal(t, authCorpID, s.AuthCorpID, "AuthCorpID")
	assert.Equal(t, infoType, s.InfoType, "InfoType")
	unixAt(t, stamp, s.TimeStamp, "TimeStamp")
}

const peerAvatar = "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0"

// peerExtAttr asserts the two ExtAttr items (爱好 text, 卡号 web) that the
// change_contact samples of several projects share.
func peerExtAttr(t *testing.T, got []ExtAttrItem) {
	t.Helper()
	require.Len(t, got, 2)
	assert.Equal(t, "爱好", got[0].Name)
	assert.Equal(t, 0, got[0].Type)
	assert.Equal(t, "旅游", got[0].Value)
	assert.Equal(t, "卡号", got[1].Name)
	assert.Equal(t, 1, got[1].Type)
	assert.Equal(t, "企业微信", got[1].Title)
	assert.Equal(t, "https://work.weixin.qq.com", got[1].URL)
}

var peerCases = []peerCase{
	// WeCom (企业微信) self-built app: Event pushes and their ChangeTypes.
	{"senparc/sys_approval_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[SysApprovalChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww1cSD21f1e9c0caaa", "sys", 1571732272, "sys_approval_change")
		assert.Equal(t, int64(3010040), e.AgentID)
		assert.Equal(t, "201910220003", e.SpNo)
		assert.Equal(t, "示例模板", e.SpName)
		assert.Equal(t, "3TkaH5KFbrG9heEQWLJjhgpFwmqAFB4dLEnapaB7aaa", e.TemplateID)
		unixAt(t, 1571728713, e.ApplyTime, "ApplyTime")
		assert.Equal(t, ApprovalUser{UserID: "WuJunJie", Party: "1"}, e.Applyer)
		require.Len(t, e.SpRecord, 2)
		assert.Equal(t, 2, e.SpRecord[0].ApproverAttr)
		require.Len(t, e.SpRecord[0].Details, 2)
		assert.Equal(t, "WangXiaoMing", e.SpRecord[0].Details[0].UserID)
		assert.Equal(t, "XiaoGangHuang", e.SpRecord[0].Details[1].UserID)
		unixAt(t, 0, e.SpRecord[0].Details[1].SpTime, "SpTime")
		assert.Equal(t, 1, e.SpRecord[1].ApproverAttr)
		require.Len(t, e.SpRecord[1].Details, 1)
		assert.Equal(t, "XiaoHongLiu", e.SpRecord[1].Details[0].UserID)
		assert.Equal(t, []string{"ChengLiang", "ChengLiang2"}, e.Notifyer)
		require.Len(t, e.Comments, 2)
		assert.Equal(t, "LiuZhi", e.Comments[0].UserID)
		assert.Equal(t, "这是一个备注", e.Comments[0].CommentContent)
		assert.Equal(t, "6750538708562308220", e.Comments[0].CommentID)
		assert.Empty(t, e.Comments[0].Attach)
		// The sample's second CommentTime has eleven digits; it is read as sent.
		unixAt(t, 15717322723, e.Comments[1].CommentTime, "CommentTime")
		assert.Equal(t, []string{"MediaId"}, e.Comments[1].Attach)
		assert.Equal(t, 10, e.StatuChangeEvent)
	}},
	{"senparc/sys_approval_change.attach.xml", func(t *testing.T, ev Event) {
		e := peerAs[SysApprovalChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww8533bff007c0b489", "sys", 1645070366, "sys_approval_change")
		assert.Equal(t, int64(1000002), e.AgentID)
		assert.Equal(t, "SYS微信SDK审批", e.SpName)
		assert.Equal(t, 1, e.SpStatus)
		require.Len(t, e.SpRecord, 1)
		require.Len(t, e.SpRecord[0].Details, 2)
		assert.Equal(t, "LiShiJie", e.SpRecord[0].Details[1].UserID)
		assert.Equal(t, "", e.SpRecord[0].Details[1].Speech)
		assert.Equal(t, []string{"FuYunKun"}, e.Notifyer)
		require.Len(t, e.Comments, 2)
		for i, c := range e.Comments {
			assert.Equal(t, "SuZhenWei", c.UserID)
			require.Lenf(t, c.Attach, 1, "comment %d", i)
			assert.Len(t, c.Attach[0], 690)
			assert.True(t, strings.HasPrefix(c.Attach[0], "WWCISP_HKLFyKUsme6wsuH4ZZm6qEqVOO0MkefA9"))
		}
		unixAt(t, 1645070277, e.Comments[0].CommentTime, "CommentTime")
		assert.Equal(t, "添加附件的备注", e.Comments[0].CommentContent)
		assert.True(t, strings.HasSuffix(e.Comments[0].Attach[0], "Hs8p_A4LeAdVxoZtcrUg"))
		assert.Equal(t, "第二条备注", e.Comments[1].CommentContent)
		assert.Equal(t, "7065523422141540548", e.Comments[1].CommentID)
		assert.True(t, strings.HasSuffix(e.Comments[1].Attach[0], "fSokKHDp7Yrm0OHf01O0"))
	}},
	{"senparc/sys_approval_change.process_list.xml", func(t *testing.T, ev Event) {
		e := peerAs[SysApprovalChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww-corp", "sys", 4294967296, "sys_approval_change")
		assert.Equal(t, "202607240001", e.SpNo)
		assert.Equal(t, "采购审批", e.SpName)
		assert.Equal(t, "template-1", e.TemplateID)
		unixAt(t, 1774540800, e.ApplyTime, "ApplyTime")
		assert.Equal(t, "zhangsan", e.Applyer.UserID)
		require.Len(t, e.ProcessList, 1)
		n := e.ProcessList[0]
		assert.Equal(t, 1, n.NodeType)
		assert.Equal(t, 3, n.ApvRel)
		require.Len(t, n.SubNodeList, 1)
		assert.Equal(t, "lisi", n.SubNodeList[0].UserID)
		assert.Equal(t, "同意", n.SubNodeList[0].Speech)
		assert.Equal(t, 2, n.SubNodeList[0].SpYj)
		unixAt(t, 4294967296, n.SubNodeList[0].SpTime, "Sptime")
		assert.Equal(t, []string{"media-1"}, n.SubNodeList[0].MediaIDs)
		assert.Equal(t, 13, e.StatuChangeEvent)
	}},
	{"senparc/open_approval_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[OpenApprovalChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "wwd08c8e7c775abaaa", "sys", 1527838022, "open_approval_change")
		assert.Equal(t, int64(1), e.AgentID)
		assert.Equal(t, "thirdNoxxx", e.ThirdNo)
		assert.Equal(t, "1234567111", e.OpenTemplateID)
		assert.Equal(t, "jackiejjwu", e.ApplyUserName)
		assert.Equal(t, "WuJunJie", e.ApplyUserID)
		assert.Equal(t, "http://www.qq.com/xxx.png", e.ApplyUserImage)
		require.Len(t, e.ApprovalNodes, 2)
		require.Len(t, e.ApprovalNodes[1].Items, 2)
		it := e.ApprovalNodes[1].Items[1]
		assert.Equal(t, "chauvetxiao2", it.ItemName)
		assert.Equal(t, "XiaoWen2", it.ItemUserID)
		assert.Equal(t, "产品部2", it.ItemParty)
		assert.Equal(t, "http://www.qq.com/xxx2.png", it.ItemImage)
		unixAt(t, 0, it.ItemOpTime, "ItemOpTime")
		require.Len(t, e.NotifyNodes, 2)
		assert.Equal(t, "GuoJinHui", e.NotifyNodes[0].ItemUserID)
		assert.Equal(t, "行政部", e.NotifyNodes[0].ItemParty)
		assert.Equal(t, 10, e.ApproverStep)
	}},
	{"senparc/open_approval_change.contract.xml", func(t *testing.T, ev Event) {
		e := peerAs[OpenApprovalChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww-corp", "sys", 4294967296, "open_approval_change")
		assert.Equal(t, int64(3010040), e.AgentID)
		assert.Equal(t, "third-1", e.ThirdNo)
		assert.Equal(t, "付款", e.OpenSpName)
		assert.Equal(t, 1, e.OpenSpStatus)
		assert.Equal(t, "张三", e.ApplyUserName)
		assert.Equal(t, "产品部", e.ApplyUserParty)
		require.Len(t, e.ApprovalNodes, 1)
		require.Len(t, e.ApprovalNodes[0].Items, 1)
		assert.Equal(t, "李四", e.ApprovalNodes[0].Items[0].ItemName)
		assert.Equal(t, "lisi", e.ApprovalNodes[0].Items[0].ItemUserID)
		assert.Equal(t, 2, e.ApprovalNodes[0].Items[0].ItemStatus)
		unixAt(t, 4294967296, e.ApprovalNodes[0].Items[0].ItemOpTime, "ItemOpTime")
		assert.Equal(t, 0, e.ApproverStep)
	}},
	{"senparc/change_chain.update_group.xml", func(t *testing.T, ev Event) {
		e := peerAs[ChangeChainEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww-corp", "sys", 4294967296, "change_chain")
		assert.Equal(t, "update_group", e.ChangeType)
		assert.Equal(t, "chain-1", e.ChainID)
		assert.EqualValues(t, []int64{4294967296, 6}, e.GroupIDs)
		assert.Equal(t, []string{"corp-1", "corp-2"}, e.CorpIDs)
	}},
	{"senparc/batch_job_result.import_chain_contact.xml", func(t *testing.T, ev Event) {
		e := peerAs[BatchJobResultEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww-corp", "sys", 4294967296, "batch_job_result")
		assert.Equal(t, "job-1", e.JobID)
		assert.Equal(t, "import_chain_contact", e.JobType)
		assert.Equal(t, 0, e.ErrCode)
		assert.Equal(t, "ok", e.ErrMsg)
	}},
	{"senparc/batch_job_result.xml", func(t *testing.T, ev Event) {
		e := peerAs[BatchJobResultEvent](t, ev)
		peerEnv(t, &e.Envelope, "wx28dbb14e37208abe", "FromUser", 1425284517, "batch_job_result")
		assert.Equal(t, "S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4", e.JobID)
		assert.Equal(t, "sync_user", e.JobType)
		assert.Equal(t, "ok", e.ErrMsg)
		assert.Empty(t, e.SuiteID)
	}},
	{"wechatpy/batch_job_result.export_taguser.xml", func(t *testing.T, ev Event) {
		e := peerAs[BatchJobResultEvent](t, ev)
		peerEnv(t, &e.Envelope, "wx28dbb14e3720FAKE", "FromUser", 1425284517, "batch_job_result")
		assert.Equal(t, "jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4", e.JobID)
		assert.Equal(t, "export_taguser", e.JobType)
		assert.Equal(t, 0, e.ErrCode)
	}},
	{"senparc/submit_vip_account_approval.xml", func(t *testing.T, ev Event) {
		e := peerAs[SubmitVipAccountApprovalEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "zhangsan", 4294967296, "submit_vip_account_approval")
		assert.Equal(t, "需要更多微盘空间", e.ApplyReason)
		assert.Equal(t, 3, e.BusinessType)
		assert.Equal(t, "apply-1", e.ApplyID)
		assert.Equal(t, int64(1000001), e.AgentID)
	}},
	{"senparc/finish_vip_account_approval.xml", func(t *testing.T, ev Event) {
		e := peerAs[FinishVipAccountApprovalEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 4294967297, "finish_vip_account_approval")
		assert.Equal(t, 2, e.FinishType)
		assert.Equal(t, "apply-1", e.ApplyID)
		assert.Equal(t, int64(1000001), e.AgentID)
	}},
	{"senparc/program_notify.xml", func(t *testing.T, ev Event) {
		e := peerAs[ProgramNotifyEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 5178368698, "program_notify")
		assert.Equal(t, "notify-1", e.NotifyID)
		assert.Equal(t, 7, e.NotifyScene)
	}},
	{"senparc/living_status_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[LivingStatusChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 4294967296, "living_status_change")
		assert.Equal(t, "living-1", e.LivingID)
		assert.Equal(t, 2, e.Status)
		assert.Equal(t, int64(1000001), e.AgentID)
	}},
	{"senparc/book_meeting_room.xml", func(t *testing.T, ev Event) {
		e := peerAs[BookMeetingRoomEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 5178368698, "book_meeting_room")
		assert.Equal(t, int64(5178368698), e.MeetingRoomID)
		assert.Equal(t, "booking-1", e.BookingID)
		assert.Empty(t, e.MeetingID)
	}},
	{"senparc/cancel_meeting_room.xml", func(t *testing.T, ev Event) {
		e := peerAs[CancelMeetingRoomEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 5178368698, "cancel_meeting_room")
		assert.Equal(t, int64(5178368698), e.MeetingRoomID)
		assert.Equal(t, "booking-2", e.BookingID)
	}},
	{"senparc/customer_acquisition.message_from_customer.xml", func(t *testing.T, ev Event) {
		e := peerAs[MessageFromCustomerEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww-corp", "sys", 1688140800, "customer_acquisition")
		assert.Equal(t, "message_from_customer", e.ChangeType)
		assert.Equal(t, "ca-link", e.LinkID)
		assert.Equal(t, "chat-key", e.ChatKey)
	}},
	{"senparc/kf_account_auth_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[KfAccountAuthChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww-corp", "sys", 1688140800, "kf_account_auth_change")
		assert.Equal(t, []string{"wka", "wkb"}, e.AuthAddOpenKfID)
		assert.Equal(t, []string{"wkc"}, e.AuthDelOpenKfID)
	}},
	{"senparc/kf_msg_or_event.xml", func(t *testing.T, ev Event) {
		e := peerAs[KfMsgOrEventEvent](t, ev)
		peerEnv(t, &e.Envelope, "ww12345678910", "", 1348831860, "kf_msg_or_event")
		assert.Equal(t, "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", e.Token)
		assert.Equal(t, "wkxxxxxxx", e.OpenKfID)
	}},
	{"senparc/change_school_contact.update_student.xml", func(t *testing.T, ev Event) {
		e := peerAs[UpdateStudentEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 5178368698, "change_school_contact")
		assert.Equal(t, "update_student", e.ChangeType)
		assert.Equal(t, "student-1", e.ID)
	}},
	{"senparc/change_school_contact.create_deparmtment.xml", func(t *testing.T, ev Event) {
		e := peerAs[CreateDepartmentEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 5178368698, "change_school_contact")
		assert.Equal(t, "create_deparmtment", e.ChangeType)
		assert.EqualValues(t, 5000000000, e.ID)
	}},
	{"senparc/wedrive_space_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[WedriveSpaceChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 5178368698, "wedrive_space_change")
		assert.Equal(t, "space_member_change", e.ChangeType)
		assert.Equal(t, []string{"space-a", "space-b"}, e.SpaceID)
	}},
	{"senparc/wedrive_file_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[WedriveFileChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 5178368698, "wedrive_file_change")
		assert.Equal(t, "move_file", e.ChangeType)
		assert.Equal(t, []string{"file-a", "file-b"}, e.FileID)
	}},
	{"senparc/wedrive_insufficient_capacity.xml", func(t *testing.T, ev Event) {
		e := peerAs[WedriveInsufficientCapacityEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 5178368698, "wedrive_insufficient_capacity")
	}},
	{"senparc/change_contact.create_user.xml", func(t *testing.T, ev Event) {
		e := peerAs[CreateUserEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 1403610513, "change_contact")
		assert.Equal(t, "create_user", e.ChangeType)
		assert.Equal(t, "zhangsan", e.UserID)
		assert.EqualValues(t, []int64{1, 2, 3}, e.Department)
		assert.EqualValues(t, []bool{true, false, false}, e.IsLeaderInDept)
		assert.EqualValues(t, []string{"lisi", "wangwu"}, e.DirectLeader)
		assert.Equal(t, "zhangsan@qyycs2.wecom.work", e.BizMail)
		assert.Equal(t, peerAvatar, e.Avatar)
		assert.Equal(t, "广州市", e.Address)
		peerExtAttr(t, e.ExtAttr)
	}},
	{"senparc/enter_agent.xml", func(t *testing.T, ev Event) {
		e := peerAs[EnterAgentEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 1408091189, "enter_agent")
		assert.Equal(t, int64(1), e.AgentID)
		assert.Equal(t, "", e.EventKey)
	}},
	{"goworkwx/change_external_contact.edit_external_contact.xml", func(t *testing.T, ev Event) {
		e := peerAs[EditExternalContactEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 1403610513, "change_external_contact")
		assert.Equal(t, "edit_external_contact", e.ChangeType)
		assert.Equal(t, "zhangsan", e.UserID)
		assert.Equal(t, "woAJ2GCAAAXtWyujaWJHDDGi0mAAAA", e.ExternalUserID)
		assert.Equal(t, "teststate", e.State)
	}},
	{"goworkwx/change_contact.update_user.xml", func(t *testing.T, ev Event) {
		e := peerAs[UpdateUserEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 1403610513, "change_contact")
		assert.Equal(t, "update_user", e.ChangeType)
		assert.Equal(t, "zhangsan", e.UserID)
		assert.Equal(t, "zhangsan001", e.NewUserID)
		assert.EqualValues(t, []int64{1, 2, 3}, e.Department)
		assert.Equal(t, int64(1), int64(e.MainDepartment))
		assert.Equal(t, "13800000000", e.Mobile)
		assert.Equal(t, 1, e.Gender)
		peerExtAttr(t, e.ExtAttr)
	}},
	{"goworkwx/change_contact.create_user.xml", func(t *testing.T, ev Event) {
		e := peerAs[CreateUserEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 1403610513, "change_contact")
		assert.Equal(t, "张三", e.Name)
		assert.Equal(t, "产品经理", e.Position)
		assert.EqualValues(t, []bool{true, false, false}, e.IsLeaderInDept)
		assert.Equal(t, "zhangsan@gzdev.com", e.Email)
		assert.Equal(t, 1, e.Status)
		assert.Equal(t, "020-123456", e.Telephone)
		peerExtAttr(t, e.ExtAttr)
	}},
	{"wxjava/change_contact.update_user.xml", func(t *testing.T, ev Event) {
		e := peerAs[UpdateUserEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 1403610513, "change_contact")
		assert.Equal(t, "zhangsan001", e.NewUserID)
		assert.Equal(t, "15913215421", e.Mobile)
		assert.Equal(t, "020-3456788", e.Telephone)
		assert.EqualValues(t, []int64{1, 2, 3}, e.Department)
		assert.Equal(t, int64(0), int64(e.MainDepartment), "the sample has no MainDepartment")
		peerExtAttr(t, e.ExtAttr)
	}},
	{"wxjava/taskcard_click.xml", func(t *testing.T, ev Event) {
		// The sample closes TaskId as </TaskId >.
		e := peerAs[TaskcardClickEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 123456789, "taskcard_click")
		assert.Equal(t, "key111", e.EventKey)
		assert.Equal(t, "taskid111", e.TaskID)
		assert.Equal(t, int64(1), e.AgentID)
	}},
	{"wxjava/template_card_event.xml", func(t *testing.T, ev Event) {
		e := peerAs[TemplateCardEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 123456789, "template_card_event")
		assert.Equal(t, "key111", e.EventKey)
		assert.Equal(t, "taskid111", e.TaskID)
		assert.Equal(t, "text_notice", e.CardType)
		assert.Equal(t, "ResponseCode", e.ResponseCode)
		require.Len(t, e.SelectedItems, 2)
		assert.Equal(t, "QuestionKey1", e.SelectedItems[0].QuestionKey)
		assert.Equal(t, []string{"OptionId1", "OptionId2"}, e.SelectedItems[0].OptionIDs)
		assert.Equal(t, "QuestionKey2", e.SelectedItems[1].QuestionKey)
		assert.Equal(t, []string{"OptionId3", "OptionId4"}, e.SelectedItems[1].OptionIDs)
	}},
	{"wechatpy/add_schedule.xml", func(t *testing.T, ev Event) {
		e := peerAs[AddScheduleEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 1348831860, "add_schedule")
		assert.Equal(t, "wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA", e.CalID)
		assert.Equal(t, "17c7d2bd9f20d652840f72f59e796AAA", e.ScheduleID)
	}},

	{"senparc/app_email_change.receive_email.xml", func(t *testing.T, ev Event) {
		e := peerAs[AppEmailChangeEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "sys", 5178368698, "app_email_change")
		assert.Equal(t, "receive_email", e.ChangeType)
		assert.Equal(t, 2, e.Amount)
	}},
	{"senparc/pic_sysphoto.xml", func(t *testing.T, ev Event) {
		e := peerAs[PicSysPhotoEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 1408090651, "pic_sysphoto")
		assert.Equal(t, int64(1), e.AgentID)
		assert.Equal(t, "6", e.EventKey)
		assert.Equal(t, 1, e.Count)
		assert.Equal(t, []Picture{{PicMd5Sum: "1b5f7c23b5bf75682a53e7b6d163e185"}}, e.Pictures)
	}},
	{"senparc/location_select.xml", func(t *testing.T, ev Event) {
		// Every value is in CDATA; the Label's leading space is inside it.
		e := peerAs[LocationSelectEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 1408091189, "location_select")
		assert.Equal(t, int64(1), e.AgentID)
		assert.Equal(t, 23.0, e.LocationX)
		assert.Equal(t, 113.0, e.LocationY)
		assert.Equal(t, 15, e.Scale)
		assert.Equal(t, " 广州市海珠区客村艺苑路 106号", e.Label)
	}},
	{"senparc/file.xml", func(t *testing.T, ev Event) {
		// Each CDATA section sits on its own line between its tags.
		e := peerAs[FileMessage](t, ev)
		assert.Equal(t, "gh_ffffeeeedddd", e.ToUserName)
		assert.Equal(t, "o5lE40xwHOqG8riO_EOZQV3JYCV8", e.FromUserName)
		assert.Equal(t, "file", e.MsgType)
		unixAt(t, 1518080539, e.CreateTime, "CreateTime")
		assert.Equal(t, int64(6520106268131360945), e.MsgID)
		assert.Equal(t, "小冰 piano.wav", e.Title)
		assert.Equal(t, "", e.Description)
		assert.Equal(t, "AwAAAAAAAABF4n55", e.FileKey)
		assert.Equal(t, "07bee1c012c5ef718514701d42fae10c", e.FileMd5)
		assert.EqualValues(t, 10203788, e.FileTotalLen)
	}},

	// WeCom third-party suite: InfoType pushes.
	{"senparc/suite_ticket.xml", func(t *testing.T, ev Event) {
		// The sample's InfoType starts with a space: " suite_ticket".
		e := peerAs[SuiteTicketEvent](t, ev)
		assert.Equal(t, "wxfc918a2d200c9a4c", e.SuiteID)
		assert.Equal(t, "suite_ticket", e.InfoType)
		unixAt(t, 1403610513, e.TimeStamp, "TimeStamp")
		assert.Equal(t, "asdfasfdasdfasdf", e.SuiteTicket)
		assert.Empty(t, e.MsgType)
	}},
	{"senparc/change_auth.xml", func(t *testing.T, ev Event) {
		e := peerAs[ChangeAuthEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "wxfc918a2d200c9a4c", "wxf8b4f85f3a794e77", "change_auth", 1403610513)
	}},
	{"senparc/cancel_auth.xml", func(t *testing.T, ev Event) {
		e := peerAs[CancelAuthEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "wxfc918a2d200c9a4c", "wxf8b4f85f3a794e77", "cancel_auth", 1403610513)
	}},
	{"senparc/device_data_auth_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[DeviceDataAuthChangeEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "ww-suite", "ww-corp", "device_data_auth_change", 5000000000)
		assert.Equal(t, int64(1000001), e.AgentID)
	}},
	{"senparc/device_feature_change.xml", func(t *testing.T, ev Event) {
		e := peerAs[DeviceFeatureChangeEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "", "ww-corp", "device_feature_change", 5000000000)
		assert.Equal(t, "ww-service", e.ServiceCorpID)
		assert.Equal(t, "SN", e.DeviceSn)
	}},
	{"wxjava/change_contact.create_user.suite.xml", func(t *testing.T, ev Event) {
		e := peerAs[CreateUserEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "ww4asffe99e54c0f4c", "wxf8b4f85f3axxxxxx", "change_contact", 1403610513)
		assert.Empty(t, e.Event)
		assert.Equal(t, "create_user", e.ChangeType)
		assert.Equal(t, "zhangsan", e.UserID)
		assert.Equal(t, "11111111111", e.Mobile)
		assert.Equal(t, "zhangsan@xxx.com", e.Email)
		assert.Equal(t, "020-111111", e.Telephone)
		assert.Equal(t, peerAvatar, e.Avatar)
		peerExtAttr(t, e.ExtAttr)
	}},
	{"wxjava/change_contact.update_tag.suite.xml", func(t *testing.T, ev Event) {
		e := peerAs[UpdateTagEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "ww4asffe99e54cxxxx", "wxf8b4f85f3a79xxxx", "change_contact", 1403610513)
		assert.Equal(t, "update_tag", e.ChangeType)
		assert.EqualValues(t, 1, e.TagID)
		assert.EqualValues(t, []string{"zhangsan", "lisi"}, e.AddUserItems)
		assert.EqualValues(t, []string{"zhangsan1", "lisi1"}, e.DelUserItems)
		assert.EqualValues(t, []int64{1, 2}, e.AddPartyItems)
		assert.EqualValues(t, []int64{3, 4}, e.DelPartyItems)
	}},
	{"wxjava/register_corp.xml", func(t *testing.T, ev Event) {
		e := peerAs[RegisterCorpEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "", "wwddddccc7775555aaa", "register_corp", 1502682173)
		assert.Equal(t, "wwddddccc7775555aab", e.ServiceCorpID)
		assert.Equal(t, "pIKi3wRPNWCGF-pyP-YU5KWjDDD", e.RegisterCode)
		assert.Equal(t, "accesstoken000001", e.AccessToken)
		assert.Equal(t, 1800, e.ExpiresIn)
		assert.Equal(t, "zhangshan", e.UserID)
		assert.Equal(t, "state1", e.State)
		assert.Equal(t, "tpl1test", e.TemplateID)
	}},

	// 开放平台 (third-party platform) InfoType pushes.
	{"easywechat/authorized.xml", func(t *testing.T, ev Event) {
		// AuthorizationCodeExpiredTime holds the words 过期时间, not a number.
		e := peerAs[AuthorizedEvent](t, ev)
		assert.Equal(t, "第三方平台appid", e.AppID)
		unixAt(t, 1413192760, e.CreateTime, "CreateTime")
		assert.Equal(t, "authorized", e.InfoType)
		assert.Equal(t, "公众号appid", e.AuthorizerAppID)
		assert.Equal(t, "授权码", e.AuthorizationCode)
		assert.True(t, e.AuthorizationCodeExpiredTime.IsZero())
		assert.Equal(t, "预授权码", e.PreAuthCode)
	}},
	{"easywechat/unauthorized.xml", func(t *testing.T, ev Event) {
		e := peerAs[UnauthorizedEvent](t, ev)
		assert.Equal(t, "第三方平台appid", e.AppID)
		assert.Equal(t, "unauthorized", e.InfoType)
		assert.Equal(t, "公众号appid", e.AuthorizerAppID)
	}},
	{"easywechat/updateauthorized.xml", func(t *testing.T, ev Event) {
		e := peerAs[UpdateAuthorizedEvent](t, ev)
		assert.Equal(t, "updateauthorized", e.InfoType)
		assert.Equal(t, "公众号appid", e.AuthorizerAppID)
		assert.Equal(t, "授权码", e.AuthorizationCode)
		assert.Equal(t, "预授权码", e.PreAuthCode)
	}},
	{"easywechat/component_verify_ticket.xml", func(t *testing.T, ev Event) {
		e := peerAs[ComponentVerifyTicketEvent](t, ev)
		assert.Equal(t, "some_appid", e.AppID)
		unixAt(t, 1413192605, e.CreateTime, "CreateTime")
		assert.Equal(t, "component_verify_ticket", e.InfoType)
		assert.Equal(t, "some_verify_ticket", e.ComponentVerifyTicket)
	}},

	// 公众号 events.
	{"wechatpy/subscribe_scan.xml", func(t *testing.T, ev Event) {
		e := peerAs[SubscribeScanEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 123456789, "subscribe")
		assert.Equal(t, "qrscene_123123", e.EventKey)
		assert.Equal(t, "123123", e.SceneID)
		assert.Equal(t, "TICKET", e.Ticket)
	}},
	{"wechatpy/masssendjobfinish.xml", func(t *testing.T, ev Event) {
		e := peerAs[MassSendJobFinishEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "MASSSENDJOBFINISH")
		assert.Equal(t, int64(1000001625), e.MsgID)
		assert.Equal(t, "err(30003)", e.Status)
		assert.Equal(t, 0, e.TotalCount)
		assert.Equal(t, 2, e.CopyrightCheckResult.Count)
		assert.Equal(t, 2, e.CopyrightCheckResult.CheckState)
		require.Len(t, e.CopyrightCheckResult.ResultList, 2)
		r := e.CopyrightCheckResult.ResultList[1]
		assert.Equal(t, 2, r.ArticleIdx)
		assert.Equal(t, 2, r.AuditState)
		assert.Equal(t, "Url_2", r.OriginalArticleURL)
		assert.Equal(t, 1, r.OriginalArticleType)
		assert.Equal(t, 1, r.CanReprint)
		assert.Equal(t, 1, r.NeedShowReprintSource)
		assert.Equal(t, 1, e.ArticleURLResult.Count)
		assert.Equal(t, []ArticleURLItem{{ArticleIdx: 1, ArticleURL: "Url"}}, e.ArticleURLResult.ResultList)
	}},
	{"wechatpy/location_select.xml", func(t *testing.T, ev Event) {
		e := peerAs[LocationSelectEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408091189, "location_select")
		assert.Equal(t, "6", e.EventKey)
		assert.Equal(t, 23.0, e.LocationX)
		assert.Equal(t, 113.0, e.LocationY)
		assert.Equal(t, 15, e.Scale)
		assert.Equal(t, "广州市海珠区客村艺苑路 106号", e.Label)
		assert.Equal(t, "", e.Poiname)
	}},
	{"wechatpy/subscribe_msg_popup_event.xml", func(t *testing.T, ev Event) {
		e := peerAs[SubscribeMsgPopupEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969440, "subscribe_msg_popup_event")
		require.Len(t, e.List, 2)
		assert.Equal(t, "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", e.List[0].TemplateID)
		assert.Equal(t, "accept", e.List[0].SubscribeStatusString)
		assert.Equal(t, 2, e.List[0].PopupScene)
		assert.Equal(t, "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI", e.List[1].TemplateID)
		assert.Equal(t, "reject", e.List[1].SubscribeStatusString)
	}},
	{"wechatpy/subscribe_msg_sent_event.xml", func(t *testing.T, ev Event) {
		e := peerAs[SubscribeMsgSentEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969468, "subscribe_msg_sent_event")
		require.Len(t, e.List, 1)
		assert.Equal(t, "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", e.List[0].TemplateID)
		assert.EqualValues(t, int64(1700827132819554304), e.List[0].MsgID)
		assert.Equal(t, 0, e.List[0].ErrorCode)
		assert.Equal(t, "success", e.List[0].ErrorStatus)
	}},
	{"senparc/location.xml", func(t *testing.T, ev Event) {
		e := peerAs[LocationEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_a96a4a619366", "olPjZjsXuQPJoV0HlruZkNzKc91E", 123456789, "LOCATION")
		assert.Equal(t, 23.137466, e.Latitude)
		assert.Equal(t, 113.352425, e.Longitude)
		assert.Equal(t, 119.385040, e.Precision)
	}},
	{"senparc/merchant_order.xml", func(t *testing.T, ev Event) {
		e := peerAs[MerchantOrderEvent](t, ev)
		peerEnv(t, &e.Envelope, "weixin_media1", "oDF3iYyVlek46AyTBbMRVV8VZVlI", 1398144192, "merchant_order")
		assert.Equal(t, "test_order_id", e.OrderID)
		assert.Equal(t, 2, e.OrderStatus)
		assert.Equal(t, "test_product_id", e.ProductID)
		assert.Equal(t, "10001:1000012;10002:100021", e.SkuInfo)
	}},
	{"senparc/user_get_card.xml", func(t *testing.T, ev Event) {
		e := peerAs[UserGetCardEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 123456789, "user_get_card")
		assert.Equal(t, "FriendUser", e.FriendUserName)
		assert.Equal(t, "cardid", e.CardID)
		assert.Equal(t, 1, e.IsGiveByFriend)
		assert.Equal(t, "12312312", e.UserCardCode)
	}},

	{"senparc/poi_check_notify.xml", func(t *testing.T, ev Event) {
		e := peerAs[PoiCheckNotifyEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 1408622107, "poi_check_notify")
		assert.Equal(t, "123adb", e.UniqID)
		assert.Equal(t, "123123", e.PoiID)
		assert.Equal(t, "fail", e.Result)
		assert.Equal(t, "xxxxxx", e.Msg)
	}},
	{"senparc/user_consume_card.xml", func(t *testing.T, ev Event) {
		e := peerAs[UserConsumeCardEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 123456789, "user_consume_card")
		assert.Equal(t, "cardid", e.CardID)
		assert.Equal(t, "12312312", e.UserCardCode)
		assert.Equal(t, "(FROM_API)", e.ConsumeSource)
	}},
	{"senparc/shakearoundusershake.xml", func(t *testing.T, ev Event) {
		e := peerAs[ShakearoundUserShakeEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 1433332012, "ShakearoundUserShake")
		assert.Equal(t, "uuid", e.ChosenBeacon.UUID)
		assert.Equal(t, "12345", e.ChosenBeacon.Major)
		assert.Equal(t, "54321", e.ChosenBeacon.Minor)
		assert.Equal(t, 0.057, e.ChosenBeacon.Distance)
		require.Len(t, e.AroundBeacons, 2)
		assert.Equal(t, 166.816, e.AroundBeacons[0].Distance)
		assert.Equal(t, 15.013, e.AroundBeacons[1].Distance)
		assert.Equal(t, "54321", e.AroundBeacons[1].Minor)
	}},
	{"senparc/create_map_poi_audit_info.xml", func(t *testing.T, ev Event) {
		e := peerAs[CreateMapPoiAuditInfoEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_4346ac1514d8", "od1P50M-fNQI5Gcq-trm4a7apsU8", 1488856741, "create_map_poi_audit_info")
		assert.EqualValues(t, 11111, e.AuditID)
		assert.Equal(t, 1, e.Status)
		assert.Equal(t, "xxx", e.MapPoiID)
		assert.Equal(t, 134.0, e.Latitude)
		assert.Equal(t, 30.0, e.Longitude)
		assert.Equal(t, "xxx", e.ShRemark)
	}},
	{"wechatpy/wificonnected.xml", func(t *testing.T, ev Event) {
		e := peerAs[WifiConnectedEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "FromUser", 123456789, "WifiConnected")
		unixAt(t, 0, e.ConnectTime, "ConnectTime")
		assert.Equal(t, "3001224419", e.VendorID)
		assert.Equal(t, "1234", e.PlaceID)
		assert.Equal(t, "00:1f:7a:ad:5c:a8", e.DeviceNo)
	}},

	// JSON bodies: 视频号小店 / 微信小店.
	{"skit/channels_ec_order_new.json", func(t *testing.T, ev Event) {
		e := peerAs[ChannelsECOrderNewEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "channels_ec_order_new")
		assert.Equal(t, "3705115058471208928", e.OrderID, "a 19-digit JSON number keeps its digits")
	}},
	{"skit/channels_ec_order_deliver.json", func(t *testing.T, ev Event) {
		e := peerAs[ChannelsECOrderDeliverEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "channels_ec_order_deliver")
		assert.Equal(t, "3705115058471208928", e.OrderID)
		assert.Equal(t, 1, e.FinishDelivery)
	}},
	{"skit/channels_ec_aftersale_update.json", func(t *testing.T, ev Event) {
		e := peerAs[ChannelsECAftersaleUpdateEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OpenID", 1662480000, "channels_ec_aftersale_update")
		assert.Equal(t, "USER_WAIT_RETURN", e.Status)
		assert.Equal(t, "1234567", e.AfterSaleOrderID)
		assert.Equal(t, "12345", e.OrderID)
		assert.EqualValues(t, 100, e.WxaVipDiscountedPrice)
	}},
	{"skit/channels_ec_coupon_receive.json", func(t *testing.T, ev Event) {
		e := peerAs[ChannelsECCouponReceiveEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OpenID", 1662480000, "channels_ec_coupon_receive")
		assert.Equal(t, "19126", e.CouponID)
		assert.Equal(t, "29730", e.UserCouponID)
		unixAt(t, 1662480000, e.ReceiveTime, "receive_time (a JSON string)")
	}},
	{"skit/channels_ec_vip_user_auto_add.json", func(t *testing.T, ev Event) {
		e := peerAs[ChannelsECVipUserAutoAddEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "channels_ec_vip_user_auto_add")
		assert.Equal(t, "xxxxxxxxx", e.ShopAppID)
		assert.Equal(t, "xxxxxxxx", e.OuterUserID)
		assert.Equal(t, "V1", e.Identity)
		unixAt(t, 1666673734, e.AddTime, "add_time")
	}},
	{"skit/product_spu_audit.json", func(t *testing.T, ev Event) {
		e := peerAs[ProductSpuAuditEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "product_spu_audit")
		assert.Equal(t, "12345678", e.ProductID)
		assert.Equal(t, 3, e.Status)
		assert.Equal(t, "abc", e.Reason)
		assert.True(t, strings.HasPrefix(e.AuditInfo, `{"busi_audit_info":{"item_list":[{"multi_failed_reasons":`), e.AuditInfo)
		assert.Contains(t, e.AuditInfo, "【xx>xxx>xxx】")
		assert.True(t, strings.HasSuffix(e.AuditInfo, `"busi_show_field_api":"product.cat_v2"}]}}`), e.AuditInfo)
	}},
	{"skit/product_spu_listing.json", func(t *testing.T, ev Event) {
		e := peerAs[ProductSpuListingEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "product_spu_listing")
		assert.Equal(t, "12345678", e.ProductID)
		assert.Equal(t, 3, e.Status)
		assert.Equal(t, "abc", e.Reason)
	}},
	{"skit/product_category_audit.json", func(t *testing.T, ev Event) {
		e := peerAs[ProductCategoryAuditEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OpenID", 1662480000, "product_category_audit")
		assert.Equal(t, "123456", e.AuditID)
		assert.Equal(t, 1, e.Status, `status is the JSON string "1"`)
		assert.Equal(t, "xxx原因", e.Reason)
	}},
	{"skit/dropship_order_new.json", func(t *testing.T, ev Event) {
		e := peerAs[DropshipOrderNewEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OpenID", 1662480000, "dropship_order_new")
		assert.Equal(t, "4400123343235833535", e.DsOrderID)
	}},
	{"skit/ewaybill_push_path.json", func(t *testing.T, ev Event) {
		e := peerAs[EwaybillPushPathEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OpenID", 1662480000, "ewaybill_push_path")
		assert.Equal(t, int64(123123123123123), e.EwaybillOrderID)
		assert.Equal(t, "xxxx", e.WaybillID)
		unixAt(t, 1231231, e.UpdateTime, "update_time")
		assert.Equal(t, 1, e.Status)
		assert.Equal(t, "您的快件已签收", e.Desc)
	}},

	{"wxjava/product_spu_audit.json", func(t *testing.T, ev Event) {
		e := peerAs[ProductSpuAuditEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "product_spu_audit")
		assert.Equal(t, "12345678", e.ProductID)
		assert.Equal(t, 3, e.Status)
		assert.Equal(t, "abc", e.Reason)
		assert.Empty(t, e.AuditInfo)
	}},
	{"wxjava/channels_ec_close_store.json", func(t *testing.T, ev Event) {
		e := peerAs[ChannelsECCloseStoreEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "channels_ec_close_store")
		assert.Equal(t, "APPID", e.AppID)
		unixAt(t, 1662480000, e.CloseTimestamp, "close_timestamp (a JSON string)")
	}},
	{"wxjava/set_shop_nickname.json", func(t *testing.T, ev Event) {
		e := peerAs[SetShopNicknameEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_*", "OPENID", 1662480000, "set_shop_nickname")
		assert.Equal(t, "APPID", e.AppID)
		assert.Equal(t, "旧昵称", e.OldNickname)
		assert.Equal(t, "新昵称", e.NewNickname)
	}},

	// JSON bodies: 小程序 and 公众号 pushes (UTF-8 BOM first).
	{"skit/subscribe_msg_popup_event.list.json", func(t *testing.T, ev Event) {
		// CreateTime and PopupScene are JSON strings here.
		e := peerAs[SubscribeMsgPopupEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_123456789abc", "o7esq5OI1Uej6Xixw1lA2H7XDVbc", 1620973045, "subscribe_msg_popup_event")
		require.Len(t, e.List, 1)
		assert.Equal(t, "hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vzyvQu7O68", e.List[0].TemplateID)
		assert.Equal(t, "accept", e.List[0].SubscribeStatusString)
		assert.Equal(t, 0, e.List[0].PopupScene)
	}},
	{"skit/subscribe_msg_sent_event.json", func(t *testing.T, ev Event) {
		e := peerAs[SubscribeMsgSentEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_123456789abc", "o7esq5PHRGBQYmeNyfG064wEFVpQ", 1620963428, "subscribe_msg_sent_event")
		require.Len(t, e.List, 1)
		assert.Equal(t, "BEwX0BO-T3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8", e.List[0].TemplateID)
		assert.EqualValues(t, int64(1864323726461255680), e.List[0].MsgID, `MsgID is the JSON string "1864323726461255680"`)
		assert.Equal(t, "success", e.List[0].ErrorStatus)
	}},
	{"skit/wxa_media_check.json", func(t *testing.T, ev Event) {
		e := peerAs[WxaMediaCheckEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_9df7d78a1234", "o4_t144jTUSEoxydysUA2E234_tc", 1626959646, "wxa_media_check")
		assert.Equal(t, "wx8f16a5be77871234", e.AppID)
		assert.Equal(t, "60f96f1d-3845297a-1976a3ae", e.TraceID)
		assert.Equal(t, 2, e.Version)
		require.Len(t, e.Details, 1)
		assert.Equal(t, "content_model", e.Details[0].Strategy)
		assert.Equal(t, "pass", e.Details[0].Suggest)
		assert.Equal(t, 100, e.Details[0].Label)
		assert.EqualValues(t, 90, e.Details[0].Prob)
		assert.Equal(t, "pass", e.Result.Suggest)
		assert.Equal(t, 100, e.Result.Label)
	}},
	{"skit/user_info_modified.json", func(t *testing.T, ev Event) {
		e := peerAs[UserInfoModifiedEvent](t, ev)
		peerEnv(t, &e.Envelope, "gh_SDK_870882ca4b1", "oaKk346BaWE-eIn4oSRWbaM9vR7s", 1627359464, "user_info_modified")
		assert.Equal(t, "oaKk343WOktAaT2ygsX138BGblrg", e.OpenID)
		assert.Equal(t, "wx13974bf780d3dc89", e.AppID)
	}},

	// JSON bodies: WeCom (UTF-8 BOM first).
	{"skit/add_schedule.json", func(t *testing.T, ev Event) {
		e := peerAs[AddScheduleEvent](t, ev)
		peerEnv(t, &e.Envelope, "toUser", "fromUser", 1348831860, "add_schedule")
		assert.Equal(t, "wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA", e.CalID)
		assert.Equal(t, "17c7d2bd9f20d652840f72f59e796AAA", e.ScheduleID)
	}},
	{"skit/agree_external_userid_migration.json", func(t *testing.T, ev Event) {
		e := peerAs[AgreeExternalUserIDMigrationEvent](t, ev)
		peerSuite(t, e.SuiteEnvelope, "", "xxxx", "agree_external_userid_migration", 1403610513)
		assert.Equal(t, "xxxx", e.ServiceCorpID)
		assert.Empty(t, e.MsgType)
	}},
}

func TestPeerSamples(t *testing.T) {
	for _, c := range peerCases {
		c := c
		t.Run(c.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "peers", c.file))
			require.NoError(t, err)
			ev, err := Parse(body)
			require.NoError(t, err)
			require.NotNil(t, ev)
			c.check(t, ev)
		})
	}
}

// TestPeerSamplesListed keeps testdata/peers, its SOURCES.md and peerCases in
// step: every sample is asserted, once, and its origin is written down.
func TestPeerSamplesListed(t *testing.T) {
	sources, err := os.ReadFile(filepath.Join("testdata", "peers", "SOURCES.md"))
	require.NoError(t, err)
	var onDisk []string
	err = filepath.WalkDir(filepath.Join("testdata", "peers"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "SOURCES.md" {
			return err
		}
		rel, err := filepath.Rel(filepath.Join("testdata", "peers"), path)
		onDisk = append(onDisk, filepath.ToSlash(rel))
		return err
	})
	require.NoError(t, err)
	var cased []string
	for _, c := range peerCases {
		cased = append(cased, c.file)
		assert.Containsf(t, string(sources), "| "+c.file+" |", "%s has no row in SOURCES.md", c.file)
	}
	sort.Strings(onDisk)
	sort.Strings(cased)
	assert.Equal(t, onDisk, cased)
	assert.GreaterOrEqual(t, len(cased), 40)
}

// TestPeerSamplesAsJSON: the JSON form of every XML sample (see xmlToJSON),
// with scalars as strings and again as numbers where they are numbers,
// passes the same checks as the XML.
func TestPeerSamplesAsJSON(t *testing.T) {
	n := 0
	for _, c := range peerCases {
		c := c
		if !strings.HasSuffix(c.file, ".xml") {
			continue
		}
		body, err := os.ReadFile(filepath.Join("testdata", "peers", c.file))
		require.NoError(t, err)
		for _, form := range jsonForms(t, c.file, body) {
			js := form.body
			t.Run(form.name, func(t *testing.T) {
				ev, err := Parse(js)
				require.NoError(t, err, "%s", js)
				c.check(t, ev)
			})
			n++
		}
	}
	assert.Greater(t, n, 100)
}
