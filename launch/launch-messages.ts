/** Every string the launch page shows, in each language the app ships (English, Spanish). */
export const launchMessages = {
  en: {
    translation: {
      title: 'Chartside',
      connecting: 'Connecting to your EHR…',
      redirecting: 'Signing you in with your EHR…',
      refusedTitle: 'This launch link was refused',
      refused:
        'The link carried parameters Chartside does not accept ({{params}}). Open Chartside from the patient’s chart in your EHR.',
      missingIssTitle: 'Open Chartside from your EHR',
      missingIss:
        'This page is the launch page that your EHR opens. Open Chartside from a patient’s chart instead.',
      notRegisteredTitle: 'This EHR is not registered with Chartside',
      notRegistered:
        'Chartside has no registration for {{iss}}, so it did not connect. Ask your EHR administrator to register Chartside for this EHR.',
      unreachableTitle: 'Chartside could not be reached',
      unreachable: 'Check your network connection, then open Chartside from the chart again.',
      ehrErrorTitle: 'Your EHR did not answer as expected',
      ehrError:
        'Chartside could not start the sign-in with your EHR. Try again from the chart; if it keeps happening, tell your EHR administrator.',
    },
  },
  es: {
    translation: {
      title: 'Chartside',
      connecting: 'Conectando con su historia clínica electrónica…',
      redirecting: 'Iniciando sesión con su historia clínica electrónica…',
      refusedTitle: 'Este enlace de inicio fue rechazado',
      refused:
        'El enlace traía parámetros que Chartside no acepta ({{params}}). Abra Chartside desde la historia clínica del paciente.',
      missingIssTitle: 'Abra Chartside desde su historia clínica electrónica',
      missingIss:
        'Esta es la página de inicio que abre su historia clínica electrónica. Abra Chartside desde la historia de un paciente.',
      notRegisteredTitle: 'Esta historia clínica electrónica no está registrada en Chartside',
      notRegistered:
        'Chartside no tiene registro para {{iss}}, así que no se conectó. Pida a su administrador que registre Chartside para este sistema.',
      unreachableTitle: 'No se pudo contactar con Chartside',
      unreachable:
        'Compruebe su conexión de red y vuelva a abrir Chartside desde la historia clínica.',
      ehrErrorTitle: 'Su historia clínica electrónica no respondió como se esperaba',
      ehrError:
        'Chartside no pudo iniciar la sesión con su sistema. Inténtelo de nuevo desde la historia clínica; si se repite, avise a su administrador.',
    },
  },
} as const;

export type LaunchMessageKey = keyof (typeof launchMessages)['en']['translation'];
