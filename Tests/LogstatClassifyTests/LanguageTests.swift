import Testing

@testable import LogstatClassify

/// The common reasons (user unknown, mailbox full, blocked, too many messages, too large, spam)
/// in the nine languages, worded differently from the phrase tables: stems and concept pairs,
/// not whole sentences, carry them. Written for this test, not taken from a corpus.
@Suite("Reasons in nine languages")
struct LanguageTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let reason: Reason
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    Case(text: "550 5.1.1 L'adresse du destinataire n'existe pas", reason: .userUnknown),
    Case(text: "550 Le destinataire est introuvable", reason: .userUnknown),
    Case(text: "554 Votre adresse IP est bloquée", reason: .blocklisted),
    Case(text: "554 Ihre IP-Adresse wurde blockiert", reason: .blocklisted),
    Case(text: "554 Su dirección IP ha sido bloqueada", reason: .blocklisted),
    Case(text: "554 Il tuo indirizzo IP è stato bloccato", reason: .blocklisted),
    Case(text: "554 Seu endereço IP foi bloqueado", reason: .blocklisted),
    Case(text: "554 Uw IP-adres is geblokkeerd", reason: .blocklisted),
    Case(text: "554 Ваш IP-адрес заблокирован", reason: .blocklisted),
    Case(text: "554 您的IP地址已被屏蔽", reason: .blocklisted),
    Case(text: "452 La boîte de réception du destinataire est pleine", reason: .mailboxFull),
    Case(text: "452 Das Postfach des Empfängers ist voll", reason: .mailboxFull),
    Case(text: "452 Il buzón del destinatario está lleno", reason: .mailboxFull),
    Case(text: "452 A caixa postal do destinatário está cheia", reason: .mailboxFull),
    Case(text: "452 De mailbox van de ontvanger is vol", reason: .mailboxFull),
    Case(text: "452 Почтовый ящик получателя переполнен", reason: .mailboxFull),
    Case(text: "452 收件人邮箱已满", reason: .mailboxFull),
    Case(text: "452 受信者のメールボックスがいっぱいです", reason: .mailboxFull),
    Case(text: "550 Der Empfänger ist unbekannt", reason: .userUnknown),
    Case(text: "550 El destinatario no existe", reason: .userUnknown),
    Case(text: "550 Il destinatario non esiste", reason: .userUnknown),
    Case(text: "550 O destinatário não existe", reason: .userUnknown),
    Case(text: "550 De ontvanger bestaat niet", reason: .userUnknown),
    Case(text: "550 Получатель не найден", reason: .userUnknown),
    Case(text: "550 收件人不存在", reason: .userUnknown),
    Case(text: "550 宛先のユーザーは存在しません", reason: .userUnknown),
    Case(text: "450 Vous envoyez trop de messages", reason: .rateLimited),
    Case(text: "450 Sie senden zu viele Nachrichten", reason: .rateLimited),
    Case(text: "450 Está enviando demasiados mensajes", reason: .rateLimited),
    Case(text: "450 Stai inviando troppi messaggi", reason: .rateLimited),
    Case(text: "450 Você está enviando muitas mensagens", reason: .rateLimited),
    Case(text: "450 U verstuurt te veel berichten", reason: .rateLimited),
    Case(text: "450 Вы отправляете слишком много писем", reason: .rateLimited),
    Case(text: "450 发送频率过高", reason: .rateLimited),
    Case(text: "450 送信数が多すぎます", reason: .rateLimited),
    Case(text: "552 Le message est trop volumineux", reason: .messageTooLarge),
    Case(text: "552 Die Nachricht ist zu groß", reason: .messageTooLarge),
    Case(text: "552 El mensaje es demasiado grande", reason: .messageTooLarge),
    Case(text: "552 Il messaggio è troppo grande", reason: .messageTooLarge),
    Case(text: "552 A mensagem é muito grande", reason: .messageTooLarge),
    Case(text: "552 Het bericht is te groot", reason: .messageTooLarge),
    Case(text: "552 Письмо слишком большое", reason: .messageTooLarge),
    Case(text: "552 邮件过大", reason: .messageTooLarge),
    Case(text: "552 メールのサイズが大きすぎます", reason: .messageTooLarge),
    Case(text: "550 Message considéré comme spam", reason: .spamContent),
    Case(text: "550 Die Nachricht wurde als Spam eingestuft", reason: .spamContent),
    Case(text: "550 El mensaje fue identificado como spam", reason: .spamContent),
    Case(text: "550 Il messaggio è stato considerato spam", reason: .spamContent),
    Case(text: "550 A mensagem foi considerada spam", reason: .spamContent),
    Case(text: "550 Het bericht is als spam aangemerkt", reason: .spamContent),
    Case(text: "550 Письмо похоже на спам", reason: .spamContent),
    Case(text: "550 邮件被判定为垃圾邮件", reason: .spamContent),
    Case(text: "550 迷惑メールと判定されました", reason: .spamContent),
  ]

  @Test(arguments: cases)
  func classified(_ c: Case) {
    #expect(ReplyClassifier().classify(c.text).reason == c.reason)
  }

  /// A capital at a sentence start (or a whole text in capitals) matches the lower-case phrase:
  /// Cyrillic and Latin-1 capitals are folded like ASCII ones.
  static let capitals: [Case] = [
    Case(text: "550 Такого пользователя нет", reason: .userUnknown),
    Case(text: "550 ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН", reason: .userUnknown),
    Case(text: "421 Слишком много писем, попробуйте позже", reason: .rateLimited),
    Case(text: "421 Слишком много соединений с вашего адреса", reason: .rateLimited),
    Case(text: "452 Ящик переполнен", reason: .mailboxFull),
    Case(text: "554 Ёмкость исчерпана: спам", reason: .spamContent),
    Case(text: "552 BOÎTE AUX LETTRES PLEINE", reason: .mailboxFull),
    Case(text: "550 ADRESSE IP BLOQUÉE", reason: .blocklisted),
  ]

  @Test(arguments: capitals)
  func capitalsFold(_ c: Case) {
    #expect(ReplyClassifier().classify(c.text).reason == c.reason)
  }

  @Test("folding leaves other two-byte letters and the multiplication sign alone")
  func foldingBounds() {
    #expect(ByteKinds.lowerPair(0xC3, 0x97) == nil)  // ×
    #expect(ByteKinds.lowerPair(0xC3, 0xA9) == nil)  // é is already lower case
    #expect(ByteKinds.lowerPair(0xC3, 0x89)! == (0xC3, 0xA9))  // É -> é
    #expect(ByteKinds.lowerPair(0xD0, 0xAF)! == (0xD1, 0x8F))  // Я -> я
    #expect(ByteKinds.lowerPair(0xD0, 0x90)! == (0xD0, 0xB0))  // А -> а
    #expect(ByteKinds.lowerPair(0xD0, 0xB0) == nil)  // а
  }
}
