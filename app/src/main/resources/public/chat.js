// Web chat client for /api/v1/chat. No framework and no CDN: deployments may run without internet,
// and the page must stay usable on old phones. Text from the server is always inserted as text,
// never as HTML, so a question or an answer cannot inject markup.
(function () {
  'use strict';

  var conversation = document.getElementById('conversation');
  var chips = document.getElementById('chips');
  var form = document.getElementById('composer');
  var input = document.getElementById('question');
  var sendButton = document.getElementById('send');
  var strings = {};

  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.replace('{' + name + '}', values[name]);
    });
    return text;
  }

  function sessionId() {
    var key = 'dvc.sessionId';
    var id = null;
    try { id = window.localStorage.getItem(key); } catch (e) { /* private mode: session lives in memory */ }
    if (!id) {
      id = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID()
        : 'web-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
      try { window.localStorage.setItem(key, id); } catch (e) { /* ignore */ }
    }
    return id;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function scrollDown() {
    conversation.scrollTop = conversation.scrollHeight;
  }

  // A long answer is read from its beginning: show its top rather than its last line.
  function scrollToReply(bubble) {
    if (bubble.offsetHeight > conversation.clientHeight) {
      conversation.scrollTop = bubble.offsetTop - 8;
    } else {
      scrollDown();
    }
  }

  // The box grows with what is typed, up to the CSS max-height, so a long question stays visible.
  function fitInput() {
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + 2 + 'px';
  }

  function addUserMessage(text, restoring) {
    if (!restoring) { store({ role: 'user', text: text }); }
    conversation.appendChild(el('div', 'msg user', text));
    scrollDown();
  }

  function addNotice(text) {
    var node = el('div', 'msg error', text);
    node.setAttribute('role', 'status');
    conversation.appendChild(node);
    scrollDown();
  }

  function list(tag, title, items, parent) {
    if (!items || !items.length) { return; }
    parent.appendChild(el('h3', null, title));
    var listNode = el(tag);
    items.forEach(function (item) { listNode.appendChild(el('li', null, item)); });
    parent.appendChild(listNode);
  }

  function line(title, value, parent) {
    if (!value) { return; }
    var p = el('p');
    p.appendChild(el('strong', null, title + ': '));
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function officialLink(url, parent) {
    var href = safeUrl(url);
    if (!href) { return; }
    var a = el('a', 'official', t('officialLink'));
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    parent.appendChild(a);
  }

  // The engine's first reply in a session starts with the automated-assistant notice and, when it
  // asks for consent, ends with the consent question; both are paragraphs of `answer`. A structured
  // answer is drawn from `parts`, so those two paragraphs are shown around it separately.
  function consentQuestion(reply) {
    var paragraphs = (reply.answer || '').split('\n\n');
    return paragraphs[paragraphs.length - 1];
  }

  // The parts of an answer, each behind its own button under the short answer. An information topic
  // has no fee, time or place: the server sends them as null, so their buttons are left out.
  function answerSections(parts) {
    return [
      { name: 'steps', label: 'part.steps', has: parts.steps && parts.steps.length,
        draw: function (parent) { list('ol', t('steps'), parts.steps, parent); } },
      { name: 'documents', label: 'part.documents', has: parts.documents && parts.documents.length,
        draw: function (parent) { list('ul', t('documents'), parts.documents, parent); } },
      { name: 'fee', label: 'part.fee', has: !!parts.fee,
        draw: function (parent) { line(t('fee'), parts.fee, parent); } },
      { name: 'time', label: 'part.time', has: !!parts.processingTime,
        draw: function (parent) { line(t('processingTime'), parts.processingTime, parent); } },
      { name: 'authority', label: 'part.authority', has: !!parts.authority,
        draw: function (parent) { line(t('authority'), parts.authority, parent); } },
      { name: 'online', label: null, has: !!parts.online,
        draw: function (parent) { line(t('online'), t('online.' + parts.online), parent); } }
    ];
  }

  // A model-composed answer (composer "llm"): its text, without the notice, the consent question and the
  // official-link line the server appended (the link is drawn from parts), takes the summary's place.
  function composedText(reply) {
    var paragraphs = (reply.answer || '').split('\n\n');
    if (reply.notice) { paragraphs.shift(); }
    if (reply.askConsent) { paragraphs.pop(); }
    paragraphs.pop();
    return paragraphs.join('\n\n');
  }

  // One button per part the citizen has not just read; a tap asks that part about the same topic.
  function partButtons(reply, sections, shown, bubble) {
    var topicId = ((reply.sources || [])[0] || {}).id;
    if (!topicId) { return; }
    var box = el('div', 'actions parts');
    sections.forEach(function (section) {
      if (!section.has || !section.label || section.name === shown) { return; }
      var button = el('button', null, t(section.label));
      button.type = 'button';
      button.setAttribute('data-part', section.name);
      button.addEventListener('click', function () { ask(t(section.label), topicId); });
      box.appendChild(button);
    });
    if (box.childNodes.length) { bubble.appendChild(box); }
  }

  // The page shows the automated-assistant notice once, at its top; the server also puts it in a
  // session's first reply, which would say it twice.
  function withoutNotice(reply) {
    var text = reply.answer || '';
    if (reply.notice && text.indexOf(reply.notice) === 0) { text = text.slice(reply.notice.length).replace(/^\s+/, ''); }
    return text;
  }

  function renderStructuredAnswer(reply, bubble) {
    var parts = reply.parts;
    var source = (reply.sources || [])[0];
    var title = parts.title || (source && source.title);
    if (title) { bubble.appendChild(el('h2', null, title)); }
    var sections = answerSections(parts);
    var focused = sections.filter(function (s) { return s.name === parts.focus && s.has; })[0];
    if (reply.composer === 'llm') {
      // A model-composed answer fits the question itself; the part buttons still offer the entry's parts.
      bubble.appendChild(el('p', 'summary composed', composedText(reply)));
      bubble.appendChild(el('p', 'composed-note', t('composedByModel')));
    } else if (focused) {
      // A follow-up ("Lệ phí", "bao lâu?") shows the part asked, not the whole answer again.
      var box = el('div', 'focus');
      focused.draw(box);
      bubble.appendChild(box);
    } else {
      bubble.appendChild(el('p', 'summary', parts['short'] || parts.summary));
      sections.filter(function (s) { return s.name === 'online' && s.has; }).forEach(function (s) { s.draw(bubble); });
    }
    partButtons(reply, sections, focused && focused.name, bubble);
    officialLink(parts.officialUrl || (source && source.url), bubble);
    if (reply.askConsent) { bubble.appendChild(el('p', 'consent-question', consentQuestion(reply))); }
  }

  // Structured rendering when the server sends the answer's parts; plain text otherwise.
  function renderAnswerBody(reply, bubble) {
    if (reply.kind === 'answer' && reply.parts && reply.parts.summary) {
      renderStructuredAnswer(reply, bubble);
    } else {
      bubble.appendChild(document.createTextNode(withoutNotice(reply)));
      var first = (reply.sources || [])[0];
      if (reply.kind === 'answer' && first) { officialLink(first.url, bubble); }
    }
  }

  function ratingButtons(reply, bubble) {
    var actions = el('div', 'actions');
    var yes = el('button', null, t('helpful'));
    var no = el('button', null, t('notHelpful'));
    yes.type = no.type = 'button';
    yes.setAttribute('data-rating', 'helpful');
    no.setAttribute('data-rating', 'not-helpful');
    function rate(helpful, chosen) {
      yes.disabled = no.disabled = true;
      postJson('/api/v1/feedback', { messageId: reply.messageId, helpful: helpful })
        .then(function (response) {
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          chosen.classList.add('chosen');
          actions.appendChild(el('span', 'thanks', t('thanksForRating')));
          remember(reply, 'rated', helpful ? 'helpful' : 'not-helpful');
        })
        .catch(function () {
          yes.disabled = no.disabled = false;
          addNotice(t('ratingFailed'));
        });
    }
    if (reply.rated) {
      yes.disabled = no.disabled = true;
      (reply.rated === 'helpful' ? yes : no).classList.add('chosen');
    }
    yes.addEventListener('click', function () { rate(true, yes); });
    no.addEventListener('click', function () { rate(false, no); });
    actions.appendChild(yes);
    actions.appendChild(no);
    bubble.appendChild(actions);
  }

  // Only once per topic on this page: the offer is for the procedure, not for every answer about it.
  var offeredSatisfaction = {};

  // Rating a procedure takes three steps, so that only people who did it rate it and every rating names
  // where it was done: "did you do it?" → the official level → the agency ("Không nhớ" allowed). Nothing
  // is sent before the last step; "Chưa làm" sends nothing at all.
  function satisfactionButtons(prompt, bubble) {
    if (offeredSatisfaction[prompt.topicId]) { return; }
    offeredSatisfaction[prompt.topicId] = true;
    var box = el('div', 'actions satisfaction');
    box.appendChild(el('span', 'question', t('satisfactionDid')));
    satisfactionChoices(box, [
      { label: t('satisfactionDone'), attr: ['data-done', 'yes'], pick: function () { satisfactionLevels(prompt, box); } },
      { label: t('satisfactionNotDone'), attr: ['data-done', 'no'], pick: function () {
        box.appendChild(el('span', 'thanks', t('satisfactionNotDoneThanks')));
      } }
    ]);
    bubble.appendChild(box);
  }

  // One row of buttons; pressing one disables the row and marks the choice.
  function satisfactionChoices(box, choices) {
    var row = el('div', 'choices');
    var buttons = choices.map(function (choice) {
      var button = el('button', null, choice.label);
      button.type = 'button';
      button.setAttribute(choice.attr[0], choice.attr[1]);
      button.addEventListener('click', function () {
        buttons.forEach(function (b) { b.disabled = true; });
        button.classList.add('chosen');
        choice.pick(row, buttons);
      });
      row.appendChild(button);
      return button;
    });
    box.appendChild(row);
  }

  function satisfactionLevels(prompt, box) {
    box.appendChild(el('span', 'question', t('satisfactionLevelQuestion')));
    satisfactionChoices(box, (prompt.levels || []).map(function (level) {
      return { label: t('satisfaction.' + level), attr: ['data-level', level], pick: function () {
        satisfactionAgencies(prompt, level, box);
      } };
    }));
  }

  function satisfactionAgencies(prompt, level, box) {
    box.appendChild(el('span', 'question', t('satisfactionAgencyQuestion')));
    var choices = (prompt.agencies || []).map(function (agency) {
      if (!agency.code && agency.communeKind) {
        return { label: agency.name, attr: ['data-commune-kind', agency.communeKind], pick: function () {
          satisfactionCommune(prompt, level, agency.communeKind, box);
        } };
      }
      return { label: agency.name, attr: ['data-agency', agency.code], pick: function (row, buttons) {
        sendSatisfaction(prompt, level, agency.code, box, buttons);
      } };
    });
    choices.push({ label: t('satisfactionAgencyUnknown'), attr: ['data-agency', ''], pick: function (row, buttons) {
      sendSatisfaction(prompt, level, null, box, buttons);
    } });
    satisfactionChoices(box, choices);
  }

  // "UBND xã/phường" where the province's communes are loaded: the citizen types their commune, picks one of the
  // closest matches (with or without diacritics), and the rating names that commune's agency.
  function satisfactionCommune(prompt, level, kind, box) {
    var form = el('form', 'commune');
    var id = 'commune-' + prompt.topicId;
    var label = el('label', null, t('satisfactionCommuneQuestion'));
    label.setAttribute('for', id);
    var input = el('input');
    input.id = id;
    input.type = 'text';
    input.maxLength = 100;
    input.autocomplete = 'off';
    var find = el('button', null, t('satisfactionCommuneFind'));
    find.type = 'submit';
    var results = el('div', 'commune-results');
    results.setAttribute('aria-live', 'polite');
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(find);
    box.appendChild(form);
    box.appendChild(results);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var typed = input.value.trim();
      if (!typed) { return; }
      fetch('/api/v1/communes?kind=' + encodeURIComponent(kind) + '&q=' + encodeURIComponent(typed))
        .then(function (response) {
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.json();
        })
        .then(function (communes) {
          results.textContent = '';
          if (!communes.length) { results.appendChild(el('span', 'question', t('satisfactionCommuneNotFound'))); }
          var choices = communes.map(function (commune) {
            return { label: commune.name, attr: ['data-agency', commune.code], pick: function (row, buttons) {
              input.disabled = true; find.disabled = true;
              sendSatisfaction(prompt, level, commune.code, box, buttons);
            } };
          });
          choices.push({ label: t('satisfactionAgencyUnknown'), attr: ['data-agency', ''], pick: function (row, buttons) {
            input.disabled = true; find.disabled = true;
            sendSatisfaction(prompt, level, null, box, buttons);
          } });
          satisfactionChoices(results, choices);
        })
        .catch(function () { addNotice(t('ratingFailed')); });
    });
    input.focus();
  }

  function sendSatisfaction(prompt, level, agency, box, buttons) {
    // With the session id the server counts one rating per procedure and chat, whatever the page does.
    var body = { topicId: prompt.topicId, level: level, channel: 'web', sessionId: sessionId() };
    if (agency) { body.agency = agency; }
    postJson('/api/v1/satisfaction', body)
      .then(function (response) {
        if (response.status === 409) {
          box.appendChild(el('span', 'thanks', t('alreadyRated')));
          return;
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        box.appendChild(el('span', 'thanks', t('thanksForRating')));
      })
      .catch(function () {
        buttons.forEach(function (b) { b.disabled = false; b.classList.remove('chosen'); });
        addNotice(t('ratingFailed'));
      });
  }

  // The consent buttons under a reply that asks for it again (the citizen wrote before choosing).
  function consentButtons(bubble) {
    bubble.appendChild(consentChoice());
  }

  function showChips(suggestions) {
    chips.textContent = '';
    (suggestions || []).forEach(function (suggestion) {
      var chip = el('button', null, suggestion.title);
      chip.type = 'button';
      chip.setAttribute('data-topic', suggestion.id);
      chip.addEventListener('click', function () { ask(suggestion.title, suggestion.id); });
      chips.appendChild(chip);
    });
  }

  // The tracking page of the comment a reply confirms; the code is checked so nothing else lands in the link.
  function trackingLink(code, parent) {
    if (typeof code !== 'string' || !/^GY-[0-9A-Z]{6}$/.test(code)) { return; }
    var a = el('a', 'official', t('trackComment', { code: code }));
    a.href = '/gop-y/tra-cuu?ma=' + code;
    parent.appendChild(el('br'));
    parent.appendChild(a);
  }


  // "Nhắc tôi" (issue 21) under an answer whose entry states a deadline. The page cannot message anyone later,
  // so the reminder goes to the phone's calendar as a file; the date never leaves the link it is put in.
  function reminderOffer(reply, bubble) {
    var topicId = ((reply.sources || [])[0] || {}).id;
    if (!topicId) { return; }
    fetch('/api/v1/topics/' + encodeURIComponent(topicId))
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (topic) {
        if (!topic || !topic.deadline) { return; }
        var box = el('div', 'actions reminder');
        var button = el('button', null, t('remindMe'));
        button.type = 'button';
        button.setAttribute('data-reminder', topicId);
        box.appendChild(button);
        button.addEventListener('click', function () {
          button.disabled = true;
          var form = el('div', 'reminder-form');
          var id = 'reminder-date-' + topicId;
          var label = el('label', null, t('reminderDate', { event: topic.deadline.countsFrom }));
          label.setAttribute('for', id);
          var input = el('input');
          input.type = 'date';
          input.id = id;
          var link = el('a', 'reminder-link', t('reminderAdd'));
          link.setAttribute('download', 'nhac-han-' + topicId + '.ics');
          link.hidden = true;
          input.addEventListener('change', function () {
            link.hidden = !input.value;
            link.href = '/api/v1/topics/' + encodeURIComponent(topicId) + '/nhac-han.ics?tu=' + encodeURIComponent(input.value);
          });
          form.appendChild(label);
          form.appendChild(input);
          form.appendChild(el('p', null, t('reminderHow', { length: topic.deadline.length, quote: topic.deadline.quote })));
          form.appendChild(link);
          box.appendChild(form);
          input.focus();
        });
        bubble.appendChild(box);
      })
      .catch(function () { /* no offer when the entry cannot be read */ });
  }

  function addBotReply(reply, restoring) {
    if (!restoring) { store({ role: 'bot', reply: reply }); }
    var bubble = el('div', 'msg bot');
    bubble.setAttribute('data-kind', reply.kind || '');
    renderAnswerBody(reply, bubble);
    if (reply.askConsent) { consentButtons(bubble); }
    if (reply.kind === 'answer' && reply.messageId) { ratingButtons(reply, bubble); }
    if (reply.satisfactionPrompt) { satisfactionButtons(reply.satisfactionPrompt, bubble); }
    if (reply.commentCode) { trackingLink(reply.commentCode, bubble); }
    if (reply.kind === 'fallback') { handoffButton(bubble); }
    linkPhones(bubble);
    if (reply.kind === 'answer') { readAloudButton(bubble); }
    if (reply.kind === 'answer') { reminderOffer(reply, bubble); }
    conversation.appendChild(bubble);
    showChips(reply.suggestions);
    scrollToReply(bubble);
  }

  // An unanswered question can be passed on to staff with one tap, instead of typing "chuyển câu hỏi".
  function handoffButton(bubble) {
    var button = el('button', 'handoff', t('handoff'));
    button.type = 'button';
    button.addEventListener('click', function () {
      button.disabled = true;
      ask('chuyển câu hỏi', null, t('handoff'));
    });
    var box = el('div', 'actions');
    box.appendChild(button);
    bubble.appendChild(box);
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    });
  }

  // While waiting, a status line in the conversation rather than a longer button label: a wider button
  // squeezed the text box on a phone and made the layout jump with every question.
  var typing = null;

  function setBusy(busy) {
    sendButton.disabled = busy;
    sendButton.setAttribute('aria-busy', busy ? 'true' : 'false');
    if (busy && !typing) {
      typing = el('div', 'typing', t('sending'));
      typing.setAttribute('role', 'status');
      conversation.appendChild(typing);
    } else if (!busy && typing) {
      typing.parentNode.removeChild(typing);
      typing = null;
    }
  }

  function ask(text, topicId, shownText) {
    addUserMessage(shownText || text);
    setBusy(true);
    var body = { sessionId: sessionId(), text: text, channel: 'web' };
    if (topicId) { body.topicId = topicId; }
    return postJson('/api/v1/chat', body)
      .then(function (response) {
        if (response.status === 429) {
          addNotice(t('rateLimited', { seconds: response.headers.get('Retry-After') || '30' }));
          return null;
        }
        return response.json().then(function (json) {
          if (!response.ok) {
            addNotice(json && json.message ? json.message : t('serverError'));
            return null;
          }
          addBotReply(json);
          return json;
        });
      })
      .catch(function () { addNotice(t('networkError')); })
      .then(function () { setBusy(false); input.focus(); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    fitInput();
    ask(text);
  });

  input.addEventListener('input', fitInput);

  // Enter sends, Shift+Enter makes a new line: the habit of chat apps people already use.
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));
    }
  });

  // ---- Kept across reloads: the session id, what was said and the citizen's choices live in the
  // browser's storage, so a reload (or a phone that dropped the tab) shows the same conversation.
  var HISTORY_KEY = 'dvc.history';
  var CONSENT_KEY = 'dvc.consent';
  var history = [];

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* full or private mode: kept in memory only */ }
  }

  function loadHistory() {
    try {
      var parsed = JSON.parse(storageGet(HISTORY_KEY) || '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) { return []; }
  }

  function store(entry) {
    history.push(entry);
    storageSet(HISTORY_KEY, JSON.stringify(history));
  }

  // A choice made under a reply (its rating) is kept with it, so a restored reply shows it already made.
  function remember(reply, key, value) {
    reply[key] = value;
    storageSet(HISTORY_KEY, JSON.stringify(history));
  }

  function restoreHistory() {
    history = loadHistory();
    history.forEach(function (entry) {
      if (entry.role === 'user') { addUserMessage(entry.text, true); }
      if (entry.role === 'bot' && entry.reply) { addBotReply(entry.reply, true); }
      if (entry.role === 'note') { conversation.appendChild(el('div', 'msg bot', entry.text)); }
    });
  }

  // "Bắt đầu lại": a new session on the server, an empty page here.
  function startOver() {
    try {
      [HISTORY_KEY, CONSENT_KEY, 'dvc.sessionId'].forEach(function (key) { window.localStorage.removeItem(key); });
    } catch (e) { /* nothing was stored */ }
    window.location.href = '/';
  }

  // ---- Consent first: the notice and the consent question open the page, above the fold; nothing is
  // sent as if the citizen had typed it.
  var welcome = null;

  function consentChoice() {
    var actions = el('div', 'actions consent');
    var chosen = storageGet(CONSENT_KEY);
    [['consentYes', true], ['consentNo', false]].forEach(function (choice) {
      var button = el('button', null, t(choice[0]));
      button.type = 'button';
      button.setAttribute('data-consent', choice[1] ? 'yes' : 'no');
      if (chosen) {
        button.disabled = true;
        if ((chosen === 'given') === choice[1]) { button.classList.add('chosen'); }
      }
      button.addEventListener('click', function () { giveConsent(choice[1], actions, button); });
      actions.appendChild(button);
    });
    return actions;
  }

  function giveConsent(given, actions, button) {
    var buttons = document.querySelectorAll('.actions.consent button');
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    postJson('/api/v1/consent', { sessionId: sessionId(), channel: 'web', consent: given })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        storageSet(CONSENT_KEY, given ? 'given' : 'refused');
        button.classList.add('chosen');
        var text = welcome ? (given ? welcome.consentGiven : welcome.consentRefused) : '';
        store({ role: 'note', text: text });
        conversation.appendChild(el('div', 'msg bot', text));
        scrollDown();
      })
      .catch(function () {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        addNotice(t('networkError'));
      });
  }

  function showWelcome() {
    var bubble = el('div', 'msg bot welcome');
    bubble.setAttribute('data-kind', 'welcome');
    bubble.appendChild(el('p', 'notice', welcome.notice));
    bubble.appendChild(el('p', 'consent-question', welcome.consentQuestion));
    bubble.appendChild(consentChoice());
    bubble.appendChild(el('p', null, welcome.greeting));
    // The most asked topics inside the opening message, under the consent: in the chips bar they
    // took the room the consent buttons need on a phone.
    var topics = el('div', 'actions topics');
    (welcome.suggestions || []).forEach(function (suggestion) {
      var chip = el('button', null, suggestion.title);
      chip.type = 'button';
      chip.setAttribute('data-topic', suggestion.id);
      chip.addEventListener('click', function () { ask(suggestion.title, suggestion.id); });
      topics.appendChild(chip);
    });
    bubble.appendChild(topics);
    linkPhones(bubble);
    conversation.appendChild(bubble);
  }

  // ---- Tappable phone numbers: hotlines in answers become tel: links (1800 1096, 1022, 0xxx...).
  var PHONE = /(\b1800\s?\d{4}\b|\b1900\s?\d{4}\b|\b1022\b|\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b)/g;

  function linkPhones(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (!node.parentNode.closest('a, button')) { nodes.push(node); }
    }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      PHONE.lastIndex = 0;
      if (!PHONE.test(text)) { return; }
      var fragment = document.createDocumentFragment();
      var last = 0;
      text.replace(PHONE, function (match, group, offset) {
        fragment.appendChild(document.createTextNode(text.slice(last, offset)));
        var a = el('a', 'tel', match);
        a.href = 'tel:' + match.replace(/[^0-9]/g, '');
        fragment.appendChild(a);
        last = offset + match.length;
        return match;
      });
      fragment.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  // ---- Read aloud with the browser's own speech synthesis, only when it has a Vietnamese voice.
  function vietnameseVoice() {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) { return null; }
    var voices = window.speechSynthesis.getVoices() || [];
    return voices.filter(function (v) { return /^vi/i.test(v.lang || ''); })[0] || null;
  }

  function readAloudButton(bubble) {
    var button = el('button', 'read-aloud', t('readAloud'));
    button.type = 'button';
    button.hidden = !vietnameseVoice();
    button.addEventListener('click', function () {
      var voice = vietnameseVoice();
      if (!voice) { return; }
      window.speechSynthesis.cancel();
      var utterance = new window.SpeechSynthesisUtterance(spokenText(bubble));
      utterance.lang = 'vi-VN';
      try { utterance.voice = voice; } catch (e) { /* lang alone picks a Vietnamese voice */ }
      window.speechSynthesis.speak(utterance);
    });
    var box = el('div', 'actions speech');
    box.appendChild(button);
    bubble.appendChild(box);
  }

  // What the answer says, without the buttons' labels.
  function spokenText(bubble) {
    var copy = bubble.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('button, .actions, a.official'), function (n) {
      if (n.parentNode) { n.parentNode.removeChild(n); }
    });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  // Voices often load after the page: show the buttons when a Vietnamese one arrives.
  function updateReadAloud() {
    var hidden = !vietnameseVoice();
    Array.prototype.forEach.call(document.querySelectorAll('.read-aloud'), function (b) { b.hidden = hidden; });
  }

  if (window.speechSynthesis && window.speechSynthesis.addEventListener) {
    window.speechSynthesis.addEventListener('voiceschanged', updateReadAloud);
  }

  // ---- Larger text, remembered on this phone.
  var LARGE_KEY = 'dvc.largeText';

  function applyLargeText(on) {
    document.documentElement.classList.toggle('large-text', on);
    var toggle = document.getElementById('larger-text');
    if (toggle) { toggle.setAttribute('aria-pressed', on ? 'true' : 'false'); }
  }

  function setUpToolbar() {
    applyLargeText(storageGet(LARGE_KEY) === 'on');
    document.getElementById('larger-text').addEventListener('click', function () {
      var on = !document.documentElement.classList.contains('large-text');
      storageSet(LARGE_KEY, on ? 'on' : 'off');
      applyLargeText(on);
    });
    document.getElementById('start-over').addEventListener('click', startOver);
    document.getElementById('comment').addEventListener('click', function () { ask('góp ý', null, t('comment')); });
  }

  // ---- Opening the page.
  function topicFromAddress() {
    var match = /[?&]chu-de=([^&#]+)/.exec(window.location.search);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function start() {
    var topic = topicFromAddress();
    var welcomeUrl = '/api/v1/chat/welcome' + (topic ? '?topic=' + encodeURIComponent(topic) : '');
    return Promise.all([
      fetch('/i18n/vi.json').then(function (r) { return r.json(); }).then(function (json) { strings = json; })
        .catch(function () { /* keys stay readable if the bundle fails */ }),
      fetch(welcomeUrl, { headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(function (json) { welcome = json; })
    ]).then(function () {
      setUpToolbar();
      showWelcome();
      restoreHistory();
      updateReadAloud();
      if (welcome.topic) {
        // A printed guide's QR code: ask about its topic once, then drop it from the address so a
        // reload does not ask again.
        if (window.history && window.history.replaceState) { window.history.replaceState(null, '', '/'); }
        return ask(welcome.topic.title, welcome.topic.id);
      }
      if (history.length) { scrollDown(); }
      return null;
    }).catch(function () {
      addNotice(t('networkError'));
    });
  }

  start();
})();
