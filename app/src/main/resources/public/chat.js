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

  function addUserMessage(text) {
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

  // Sections of a structured answer, keyed by the engine's `focus` names so that the part the
  // citizen asked about ("lệ phí bao nhiêu?") comes right after the summary.
  function answerSections(parts) {
    return [
      ['steps', function (parent) { list('ol', t('steps'), parts.steps, parent); }],
      ['documents', function (parent) { list('ul', t('documents'), parts.documents, parent); }],
      ['fee', function (parent) { line(t('fee'), parts.fee, parent); }],
      ['time', function (parent) { line(t('processingTime'), parts.processingTime, parent); }],
      ['authority', function (parent) { line(t('authority'), parts.authority, parent); }],
      ['online', function (parent) { line(t('online'), parts.online, parent); }]
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

  function renderStructuredAnswer(reply, bubble) {
    var parts = reply.parts;
    var source = (reply.sources || [])[0];
    if (reply.notice) { bubble.appendChild(el('p', 'notice', reply.notice)); }
    var title = parts.title || (source && source.title);
    if (title) { bubble.appendChild(el('h2', null, title)); }
    if (reply.composer === 'llm') {
      bubble.appendChild(el('p', 'summary composed', composedText(reply)));
      bubble.appendChild(el('p', 'composed-note', t('composedByModel')));
    } else {
      bubble.appendChild(el('p', 'summary', parts.summary));
    }
    var sections = answerSections(parts);
    var focused = sections.filter(function (s) { return s[0] === parts.focus; });
    var others = sections.filter(function (s) { return s[0] !== parts.focus; });
    focused.forEach(function (s) {
      var box = el('div', 'focus');
      s[1](box);
      if (box.childNodes.length) { bubble.appendChild(box); }
    });
    others.forEach(function (s) { s[1](bubble); });
    officialLink(parts.officialUrl || (source && source.url), bubble);
    if (reply.askConsent) { bubble.appendChild(el('p', 'consent-question', consentQuestion(reply))); }
  }

  // Structured rendering when the server sends the answer's parts; plain text otherwise.
  function renderAnswerBody(reply, bubble) {
    if (reply.kind === 'answer' && reply.parts && reply.parts.summary) {
      renderStructuredAnswer(reply, bubble);
    } else {
      bubble.appendChild(document.createTextNode(reply.answer || ''));
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
        })
        .catch(function () {
          yes.disabled = no.disabled = false;
          addNotice(t('ratingFailed'));
        });
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
      return { label: agency.name, attr: ['data-agency', agency.code], pick: function (row, buttons) {
        sendSatisfaction(prompt, level, agency.code, box, buttons);
      } };
    });
    choices.push({ label: t('satisfactionAgencyUnknown'), attr: ['data-agency', ''], pick: function (row, buttons) {
      sendSatisfaction(prompt, level, null, box, buttons);
    } });
    satisfactionChoices(box, choices);
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

  function consentButtons(bubble) {
    var actions = el('div', 'actions');
    [['consentYes', 'đồng ý'], ['consentNo', 'không đồng ý']].forEach(function (choice) {
      var button = el('button', null, t(choice[0]));
      button.type = 'button';
      button.addEventListener('click', function () {
        Array.prototype.forEach.call(actions.querySelectorAll('button'), function (b) { b.disabled = true; });
        button.classList.add('chosen');
        ask(choice[1], null, t(choice[0]));
      });
      actions.appendChild(button);
    });
    bubble.appendChild(actions);
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

  function addBotReply(reply) {
    var bubble = el('div', 'msg bot');
    bubble.setAttribute('data-kind', reply.kind || '');
    renderAnswerBody(reply, bubble);
    if (reply.askConsent) { consentButtons(bubble); }
    if (reply.kind === 'answer' && reply.messageId) { ratingButtons(reply, bubble); }
    if (reply.satisfactionPrompt) { satisfactionButtons(reply.satisfactionPrompt, bubble); }
    if (reply.commentCode) { trackingLink(reply.commentCode, bubble); }
    conversation.appendChild(bubble);
    showChips(reply.suggestions);
    scrollToReply(bubble);
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

  fetch('/i18n/vi.json')
    .then(function (response) { return response.json(); })
    .then(function (json) { strings = json; })
    .catch(function () { /* keys stay readable if the bundle fails */ })
    .then(function () {
      // Greeting the server triggers the automated-assistant notice, the consent question and the menu.
      ask('xin chào', null, 'Xin chào');
    });
})();
